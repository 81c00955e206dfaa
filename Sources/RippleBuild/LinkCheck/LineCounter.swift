import Foundation

/// 1-based line numbers of byte offsets that are asked for in increasing order (each newline counted once).
struct LineCounter {
    private var line = 1
    private var counted = 0

    /// The line of byte `offset` of `bytes`; `offset` must not be smaller than the previous one.
    mutating func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { line(at: offset, in: $0) }
    }

    /// The line of byte `offset` of `bytes`; `offset` must not be smaller than the previous one.
    mutating func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let end = min(offset, bytes.count)
        guard counted < end, let base = bytes.baseAddress else { return line }
        var p = base + counted
        let stop = base + end
        while p < stop, let found = memchr(p, 10, stop - p) {
            line += 1
            p = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        counted = end
        return line
    }
}
