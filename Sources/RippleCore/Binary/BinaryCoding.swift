/// Appends values in Ripple's binary form (the incremental cache, packed search documents): little-endian
/// integers, strings as a length and their UTF-8 bytes. JSON of 10,000 pages' results took longer to read than
/// rendering them again.
package struct BinaryWriter: Sendable {
    /// The bytes so far.
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    package mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    package mutating func add(optional value: UInt64?) {
        add(value != nil)
        add(value ?? 0)
    }

    package mutating func add(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func add(_ text: String?) {
        add(text != nil)
        if let text { add(text) }
    }

    package mutating func add(_ value: Int?) {
        add(value != nil)
        if let value { add(value) }
    }

    package mutating func add(_ values: [Int32]) {
        add(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    /// A length and the bytes.
    package mutating func add(bytes values: [UInt8]) {
        add(values.count)
        bytes.append(contentsOf: values)
    }

    package mutating func add(_ strings: [String]) {
        add(strings.count)
        for string in strings { add(string) }
    }
}

/// Reads what `BinaryWriter` wrote; any read past the end or out of range throws, so a truncated or corrupt
/// cache is ignored, never trusted.
package struct BinaryReader: Sendable {
    /// The bytes do not hold what was asked for.
    package struct Corrupt: Error {
        package init() {}
    }

    private let bytes: [UInt8]
    private var offset = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte was read.
    package var atEnd: Bool { offset == bytes.count }

    package mutating func uint64() throws(Corrupt) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Corrupt() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    package mutating func int() throws(Corrupt) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A count of things still to read, each at least `size` bytes: a corrupt count fails here, before any
    /// array is sized by it.
    package mutating func count(each size: Int = 1) throws(Corrupt) -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else { throw Corrupt() }
        return count
    }

    package mutating func bool() throws(Corrupt) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    package mutating func string() throws(Corrupt) -> String {
        let count = try self.count()
        let start = offset
        guard let text = bytes.withUnsafeBufferPointer({ buffer in
            let utf8 = UnsafeBufferPointer(rebasing: buffer[start..<start + count])
            // Most saved text is ASCII, which needs no validation; `String(validating:)` is generic and not
            // specialised here, and was a tenth of loading the incremental cache.
            return Self.isASCII(utf8) ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
        }) else {
            throw Corrupt()
        }
        offset += count
        return text
    }

    /// Whether no byte has its high bit set, eight bytes a step.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var high: UInt64 = 0, index = 0
        while index + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count { high |= UInt64(raw[index]); index += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    package mutating func optionalString() throws(Corrupt) -> String? { try bool() ? try string() : nil }

    package mutating func optionalUInt64() throws(Corrupt) -> UInt64? {
        let present = try bool()
        let value = try uint64()
        return present ? value : nil
    }

    package mutating func optionalInt() throws(Corrupt) -> Int? { try bool() ? try int() : nil }

    package mutating func int32s() throws(Corrupt) -> [Int32] {
        let count = try self.count(each: 4)
        let values = bytes.withUnsafeBytes { raw in
            (0..<count).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * 4, as: Int32.self)) }
        }
        offset += count * 4
        return values
    }

    /// What `add(bytes:)` wrote.
    package mutating func byteArray() throws(Corrupt) -> [UInt8] {
        let count = try self.count()
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    package mutating func strings() throws(Corrupt) -> [String] {
        let count = try self.count(each: 8)
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try string()) }
        return result
    }
}
