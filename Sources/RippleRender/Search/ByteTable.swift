/// An insert-only hash table of byte strings numbered in insertion order (0, 1, 2, …): the search index's
/// word and term tables, which would otherwise hash a `String` per word with SipHash.
struct ByteTable: Sendable {
    /// Every key's bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Key `k` is `bytes[starts[k]..<starts[k + 1]]`.
    private(set) var starts: [Int32] = [0]
    private var hashes: [UInt32] = []
    /// Open addressing with linear probing: key number + 1, or 0 when empty.
    private var slots: [Int32]
    private var mask: Int

    /// Creates a table sized for about `capacity` keys.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        bytes.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// The number of keys.
    var count: Int { hashes.count }

    /// The key's bytes.
    func key(_ k: Int) -> ArraySlice<UInt8> { bytes[Int(starts[k])..<Int(starts[k + 1])] }

    /// The key's number, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash, equals(entry - 1, key) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The key's number, adding it when new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        let hash = Self.hash(key)
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if hashes[entry - 1] == hash, equals(entry - 1, key) { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
        let number = hashes.count
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(Int32(bytes.count))
        slots[slot] = Int32(number + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    private func equals(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[k]), end = Int(starts[k + 1])
        guard end - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var i = 0
            while i < key.count {
                if all[start + i] != key[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// A fast multiplicative hash, eight bytes at a time.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return UInt32(truncatingIfNeeded: h >> 32) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        if i < key.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < key.count { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 32
        }
        h = (h ^ (h >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: h >> 32)
    }
}
