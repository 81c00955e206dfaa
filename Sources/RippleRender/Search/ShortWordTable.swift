/// Words of 2–8 ASCII bytes (most words) packed little-endian into a `UInt64`, each with a number: a hash table
/// whose key comparison is one integer compare.
struct ShortWordTable {
    /// Packed words; 0 is an empty slot (words have no zero bytes).
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var count = 0

    init(capacity: Int = 512) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The word's number, or nil.
    @inline(__always)
    func find(_ key: UInt64) -> Int32? {
        var slot = Self.slot(key, mask)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a word that `find` did not find.
    mutating func insert(_ key: UInt64, value: Int32) {
        var slot = Self.slot(key, mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (k, key) in oldKeys.enumerated() where key != 0 {
            var slot = Self.slot(key, mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[k]
        }
    }
}
