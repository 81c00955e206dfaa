import Dispatch

/// A box that lets concurrent iterations write to distinct slots of one buffer.
private struct SlotWriter<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T?>
}

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order. Each element is transformed exactly once.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let writer = SlotWriter(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                writer.base[index] = transform(self[index])
            }
        }
        return results.map { $0! }
    }
}
