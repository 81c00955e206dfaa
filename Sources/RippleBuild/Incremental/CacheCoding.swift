import RippleCore

/// Appends values to the incremental cache's binary form: little-endian integers, strings as a length and
/// their UTF-8 bytes. JSON of 10,000 pages' results took longer to read than rendering them again.
struct CacheWriter {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(optional value: UInt64?) {
        add(value != nil)
        add(value ?? 0)
    }

    mutating func add(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func add(_ text: String?) {
        add(text != nil)
        if let text { add(text) }
    }

    mutating func add(_ value: Int?) {
        add(value != nil)
        if let value { add(value) }
    }

    mutating func add(_ values: [Int32]) {
        add(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    mutating func add(_ strings: [String]) {
        add(strings.count)
        for string in strings { add(string) }
    }
}

/// Reads what `CacheWriter` wrote; any read past the end or out of range throws, so a truncated or corrupt
/// cache is ignored, never trusted.
struct CacheReader {
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte was read.
    var atEnd: Bool { offset == bytes.count }

    mutating func uint64() throws(Corrupt) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Corrupt() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() throws(Corrupt) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A count of things still to read, each at least `size` bytes: a corrupt count fails here, before any
    /// array is sized by it.
    mutating func count(each size: Int = 1) throws(Corrupt) -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else { throw Corrupt() }
        return count
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func string() throws(Corrupt) -> String {
        let count = try self.count()
        guard let text = bytes.withUnsafeBufferPointer({ String(validating: $0[offset..<offset + count], as: UTF8.self) }) else {
            throw Corrupt()
        }
        offset += count
        return text
    }

    mutating func optionalString() throws(Corrupt) -> String? { try bool() ? try string() : nil }

    mutating func optionalUInt64() throws(Corrupt) -> UInt64? {
        let present = try bool()
        let value = try uint64()
        return present ? value : nil
    }

    mutating func optionalInt() throws(Corrupt) -> Int? { try bool() ? try int() : nil }

    mutating func int32s() throws(Corrupt) -> [Int32] {
        let count = try self.count(each: 4)
        let values = bytes.withUnsafeBytes { raw in
            (0..<count).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * 4, as: Int32.self)) }
        }
        offset += count * 4
        return values
    }

    mutating func strings() throws(Corrupt) -> [String] {
        let count = try self.count(each: 8)
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try string()) }
        return result
    }
}
