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

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order, and lets go of each element as soon as it has been
    /// transformed instead of when the whole array is done — for work items that hold much memory (the HTML
    /// of pages being written).
    package consuming func parallelMapReleasing<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = TakeOnceSlots(consume self)
        return Array<Int>(0..<slots.count).parallelMap { transform(slots.take($0)) }
    }
}

/// Items each taken exactly once, by index, from any thread; taking one releases the slot's hold on it.
private final class TakeOnceSlots<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element?>
    let count: Int

    init(_ items: consuming [Element]) {
        count = items.count
        base = .allocate(capacity: count)
        var index = 0
        for item in items {
            (base + index).initialize(to: item)
            index += 1
        }
    }

    /// The item at `index`; every index must be taken once, and by one thread only.
    func take(_ index: Int) -> Element {
        let item = base[index]!
        base[index] = nil
        return item
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
