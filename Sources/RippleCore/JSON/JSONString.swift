/// JSON string literals: the one quoting rule every JSON Ripple writes uses (diagnostics, metrics.json, the
/// live-reload status, the search index).
///
/// `"` and `\` get a backslash; newline, carriage return and tab their short escapes; other control characters
/// `\u00xx` (lower-case hex); everything else is copied as UTF-8. With `script: true` the text may also sit inside
/// a `<script>` element or a `.js` file: `<` becomes `\u003c` (no `</script>` or `<!--`) and U+2028/U+2029 become
/// `\u2028`/`\u2029` (line terminators in older JavaScript).
package enum JSONString {
    /// The most bytes `escape` writes for `count` bytes of text.
    @inlinable
    package static func escapedBound(_ count: Int) -> Int { 6 * count }

    /// `"text"`, escaped.
    package static func quote(_ text: String, script: Bool = false) -> String {
        var bytes: [UInt8] = []
        quote(text, into: &bytes, script: script)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `"text"`, escaped, to `bytes`.
    package static func quote(_ text: String, into bytes: inout [UInt8], script: Bool = false) {
        var text = text
        text.withUTF8 { utf8 in
            // Escaped into scratch space, then copied once: growing `bytes` by a repeated zero first cost a
            // sixth of a debug build's time (element by element) and zero-filled every byte in release too.
            let bound = escapedBound(utf8.count) + 2
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { scratch in
                let out = scratch.baseAddress!
                out[0] = UInt8(ascii: "\"")
                let n = escape(utf8, into: out + 1, script: script)
                out[n + 1] = UInt8(ascii: "\"")
                bytes.append(contentsOf: UnsafeBufferPointer(start: out, count: n + 2))
            }
        }
    }

    /// Writes the UTF-8 `text` escaped (no surrounding quotes) at `out`, which has room for
    /// `escapedBound(text.count)` bytes, and returns the number of bytes written.
    package static func escape(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
                               script: Bool = false) -> Int {
        let n = text.count
        guard let source = text.baseAddress, n > 0 else { return 0 }
        let raw = UnsafeRawPointer(source)
        var o = out
        var k = 0
        while k < n {
            // Eight bytes at a time while none may need escaping (the common case: plain text).
            if k + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                if !mayNeedEscaping(x, script: script) {
                    UnsafeMutableRawPointer(o).storeBytes(of: x, as: UInt64.self)
                    o += 8
                    k &+= 8
                    continue
                }
            }
            let b = source[k]
            k &+= 1
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                o[0] = backslash; o[1] = b; o += 2
            case 0x0A:
                o[0] = backslash; o[1] = UInt8(ascii: "n"); o += 2
            case 0x0D:
                o[0] = backslash; o[1] = UInt8(ascii: "r"); o += 2
            case 0x09:
                o[0] = backslash; o[1] = UInt8(ascii: "t"); o += 2
            case 0..<0x20:
                o = writeUnicodeEscape(UInt16(b), at: o)
            case UInt8(ascii: "<") where script:
                o = writeUnicodeEscape(0x3C, at: o)
            case 0xE2 where script && k + 1 < n && source[k] == 0x80 && (source[k + 1] == 0xA8 || source[k + 1] == 0xA9):
                o = writeUnicodeEscape(source[k + 1] == 0xA8 ? 0x2028 : 0x2029, at: o)
                k += 2
            default:
                o.pointee = b
                o += 1
            }
        }
        return o - out
    }

    private static let backslash = UInt8(ascii: "\\")

    /// Writes `\uXXXX` (lower-case hex) and returns the position after it.
    @inline(__always)
    private static func writeUnicodeEscape(_ value: UInt16, at o: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        func hex(_ digit: UInt16) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + UInt8(digit) : UInt8(ascii: "a") + UInt8(digit - 10) }
        o[0] = backslash; o[1] = UInt8(ascii: "u")
        o[2] = hex(value >> 12); o[3] = hex((value >> 8) & 15); o[4] = hex((value >> 4) & 15); o[5] = hex(value & 15)
        return o + 6
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `x` may need escaping: below 0x20, `"`, `\`, and for scripts `<` or 0xE2 (the lead byte
    /// of U+2028/U+2029). False positives are fine: those bytes take the byte-by-byte path.
    @inline(__always)
    private static func mayNeedEscaping(_ x: UInt64, script: Bool) -> Bool {
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below = (x &- ones &* 0x20) & ~x & highs
        var special = hasZero(x ^ (ones &* 0x22)) | hasZero(x ^ (ones &* 0x5C))
        if script { special |= hasZero(x ^ (ones &* 0x3C)) | hasZero(x ^ (ones &* 0xE2)) }
        return below | special != 0
    }
}
