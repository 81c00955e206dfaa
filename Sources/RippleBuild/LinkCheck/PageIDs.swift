import Foundation

/// The ids of one page, packed: the ASCII ids' bytes in one buffer, sorted for binary search. Kept for every
/// page until the whole site is scanned, so it is small. Only ever answers "yes" when the id is certainly there:
/// ids with other characters (where Unicode equivalence could matter) are left out, so a link to one of them
/// goes to the exact check.
struct PageIDs: Sendable {
    private var bytes: [UInt8] = []
    /// Start and length of each id in `bytes`, sorted by the ids' bytes.
    private var spans: [(start: Int32, length: Int32)] = []

    /// Adds an id (ignored unless it is ASCII).
    mutating func insert(_ id: String) {
        let utf8 = id.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return }
        spans.append((Int32(bytes.count), Int32(utf8.count)))
        bytes.append(contentsOf: utf8)
    }

    /// Sorts the ids for `contains`; call once, after the last `insert`.
    mutating func seal() {
        bytes.withUnsafeBufferPointer { buffer in
            spans.sort { Self.compare(buffer, $0, $1) < 0 }
        }
        bytes = Array(bytes)  // drop spare capacity
        spans = Array(spans)
    }

    /// Whether `id` (ASCII bytes) is certainly one of the ids.
    func contains(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var low = 0, high = spans.count
            while low < high {
                let mid = (low + high) / 2
                let order = Self.compare(buffer, spans[mid], id)
                if order == 0 { return true }
                if order < 0 { low = mid + 1 } else { high = mid }
            }
            return false
        }
    }

    private static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ a: (start: Int32, length: Int32),
                                _ b: (start: Int32, length: Int32)) -> Int {
        compare(UnsafeBufferPointer(rebasing: buffer[Int(a.start)..<Int(a.start + a.length)]),
                UnsafeBufferPointer(rebasing: buffer[Int(b.start)..<Int(b.start + b.length)]))
    }

    private static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ a: (start: Int32, length: Int32),
                                _ b: UnsafeBufferPointer<UInt8>) -> Int {
        compare(UnsafeBufferPointer(rebasing: buffer[Int(a.start)..<Int(a.start + a.length)]), b)
    }

    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let order = memcmp(pa, pb, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }
}
