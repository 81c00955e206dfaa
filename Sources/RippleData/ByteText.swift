/// Byte-level text helpers for the data readers.
package enum ByteText {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")

    /// Whether the bytes start with a UTF-8 byte order mark.
    static func hasBOM(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
    }

    /// The offset of the first byte that is not part of valid UTF-8, or `nil` when all is valid.
    ///
    /// ASCII (almost all of a data export) is checked eight bytes at a time.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            guard b[i + 1] >= lower, b[i + 1] <= upper else { return i }
            for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The 1-based line number of a byte offset.
    static func line(of offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for i in 0..<min(offset, b.count) where b[i] == newline { line += 1 }
        return line
    }

    /// How many line feeds the bytes hold (an upper bound for the number of rows).
    static func lineCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for c in b where c == newline { count += 1 }
        return count
    }

    /// The range without surrounding spaces and tabs.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = b.count
        while start < end, b[start] == space || b[start] == tab { start += 1 }
        while end > start, b[end - 1] == space || b[end - 1] == tab { end -= 1 }
        return UnsafeBufferPointer(rebasing: b[start..<end])
    }

    /// A string from bytes already known to be valid UTF-8.
    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: b, as: UTF8.self)
    }

    /// A value quoted for a message, shortened so a huge field never floods the terminal.
    static func quoted(_ b: UnsafeBufferPointer<UInt8>) -> String {
        quoted(string(UnsafeBufferPointer(rebasing: b[0..<min(b.count, 200)])))
    }

    /// A value quoted for a message, shortened to 40 characters.
    package static func quoted(_ text: String) -> String {
        let limit = 40
        if text.count <= limit { return "'\(text)'" }
        return "'\(text.prefix(limit))…'"
    }

    /// Whether two byte ranges are equal.
    static func equal(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard b.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0..<b.count where b[i] != p[i] { return false }
        return true
    }

    /// ASCII-lowercased comparison against a lowercase literal.
    static func equalIgnoringCase(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard b.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0..<b.count {
            var c = b[i]
            if c >= 65 && c <= 90 { c += 32 }
            if c != p[i] { return false }
        }
        return true
    }
}
