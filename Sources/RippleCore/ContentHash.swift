/// A fast, stable (not cryptographic) 64-bit FNV-1a hash for cache keys: the same bytes give the same key in
/// every run, unlike `Hasher`. Values are fed with a length or terminator so that ("ab","c") ≠ ("a","bc").
package struct ContentHash: Sendable, Hashable {
    /// The hash so far.
    package private(set) var value: UInt64 = 0xcbf29ce484222325

    /// An empty hash.
    package init() {}

    /// Feeds bytes, then their count: thirty-two bytes a step in four independent lanes, so the multiplies
    /// overlap (a 10,000-chapter guide is tens of megabytes, and an incremental build checks 79 MB of cache).
    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        var offset = 0
        if bytes.count >= 64 {
            var lanes = (hash, hash ^ 0x9e37_79b9_7f4a_7c15, hash ^ 0xc2b2_ae3d_27d4_eb4f, hash ^ 0x1656_67b1_9e37_79f9)
            while offset + 32 <= bytes.count {
                lanes.0 = Self.step(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = Self.step(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = Self.step(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = Self.step(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            hash = Self.step(Self.step(Self.step(Self.step(hash, lanes.0), lanes.1), lanes.2), lanes.3)
        }
        while offset + 8 <= bytes.count {
            hash = Self.step(hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100000001b3
            offset += 1
        }
        value = hash
        add(UInt64(bytes.count))
    }

    @inline(__always)
    private static func step(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x100000001b3
        return mixed ^ (mixed >> 29)
    }

    /// Feeds bytes.
    package mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    /// Feeds a string's UTF-8 bytes.
    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Feeds an optional string (nil and "" differ).
    package mutating func add(_ text: String?) {
        if let text { add(UInt64(1)); add(text) } else { add(UInt64(0)) }
    }

    /// Feeds a number.
    package mutating func add(_ number: UInt64) {
        var hash = value
        var rest = number
        for _ in 0..<8 {
            hash = (hash ^ (rest & 0xff)) &* 0x100000001b3
            rest >>= 8
        }
        value = hash
    }

    /// Feeds an integer.
    package mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    /// Feeds a flag.
    package mutating func add(_ flag: Bool) { add(UInt64(flag ? 1 : 0)) }

    /// The value with its bits spread (MurmurHash3's finaliser), for combining hashes order-independently
    /// by adding them.
    package var mixed: UInt64 {
        var x = value
        x ^= x >> 33; x = x &* 0xff51afd7ed558ccd
        x ^= x >> 33; x = x &* 0xc4ceb9fe1a85ec53
        return x ^ (x >> 33)
    }

    /// The hash of some bytes.
    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }

    /// The hash of an array's bytes (the same as of a buffer holding them).
    package static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }
}
