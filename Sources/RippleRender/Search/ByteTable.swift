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
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? { find(key, hash: Self.hash(key), lowering: false) }

    /// The number of `key` (with ASCII capitals read as small letters when `lowering`), whose `hash` (of the
    /// lowered bytes) the caller worked out; nil when absent.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, lowering: Bool) -> Int? {
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash, equals(entry - 1, key, lowering: lowering) { return entry - 1 }
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
            if hashes[entry - 1] == hash, equals(entry - 1, key, lowering: false) { return (entry - 1, false) }
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

    private func equals(_ k: Int, _ key: UnsafeBufferPointer<UInt8>, lowering: Bool) -> Bool {
        let start = Int(starts[k]), end = Int(starts[k + 1])
        guard end - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var i = 0
            if lowering {
                while i < key.count {
                    let b = key[i]
                    if all[start + i] != ((b &- UInt8(ascii: "A")) < 26 ? b | 0x20 : b) { return false }
                    i += 1
                }
            } else {
                while i < key.count {
                    if all[start + i] != key[i] { return false }
                    i += 1
                }
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

    /// The hash's starting value; feed bytes with `mix`, end with `finish` (FNV-1a and a final scramble, so a
    /// word's hash can be worked out while it is read).
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func mix(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01B3 }

    @inline(__always)
    static func finish(_ h: UInt64) -> UInt32 {
        let x = (h ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: x >> 32)
    }

    /// The hash of `key`.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h = seed
        for b in key { h = mix(h, b) }
        return finish(h)
    }
}
