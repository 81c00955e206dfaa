/// A tag or attribute name as the HTML tokenizer reads it: ASCII upper-case letters lowered, every other byte
/// kept (no Unicode case folding: `K` written as the Kelvin sign is not `k`), packed into two words so that
/// comparing names costs two integer compares.
///
/// Names up to 16 bytes compare exactly; longer names are identified by a hash of their bytes, which no
/// consumer relies on (the names Ripple looks for are short) and which `HTMLTokenizer` double-checks
/// byte by byte where exactness matters (duplicate attributes).
public struct HTMLTagName: Hashable, Sendable, CustomStringConvertible {
    /// The name's first 8 bytes (lowered), little-endian.
    public let low: UInt64
    /// Bytes 9 to 16, or the hash of a longer name.
    public let high: UInt64
    /// The length in bytes, at most 255 (longer names are 255).
    public let count: UInt8

    /// The name of `bytes[range]`.
    @inlinable @inline(__always)
    public init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var low: UInt64 = 0, high: UInt64 = 0
        if range.count > 16 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for i in range { hash = (hash ^ UInt64(Self.lowered(bytes[i]))) &* 0x100_0000_01B3 }
            high = hash
            for k in 0..<8 { low |= UInt64(Self.lowered(bytes[range.lowerBound + k])) << (8 * UInt64(k)) }
        } else {
            var k: UInt64 = 0
            for i in range {
                let b = UInt64(Self.lowered(bytes[i]))
                if k < 8 { low |= b << (8 * k) } else { high |= b << (8 * (k - 8)) }
                k += 1
            }
        }
        self.low = low
        self.high = high
        count = UInt8(min(range.count, 255))
    }

    @usableFromInline
    init(low: UInt64, high: UInt64, count: UInt8) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// The name `text` (lowered as a tag name is).
    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { HTMLTagName($0, 0..<$0.count) }
    }

    @inlinable
    public static func == (a: HTMLTagName, b: HTMLTagName) -> Bool { a.low == b.low && a.high == b.high && a.count == b.count }

    /// Whether this is `h1` … `h6`.
    @inlinable
    public var isHeading: Bool {
        count == 2 && low & 0xFF == UInt64(UInt8(ascii: "h")) && (UInt64(UInt8(ascii: "1"))...UInt64(UInt8(ascii: "6"))).contains(low >> 8)
    }

    /// The name as text, for names up to 16 bytes (longer names have lost their bytes; use
    /// `HTMLTagName.lowercased(_:_:)` on the source).
    public var description: String {
        var bytes: [UInt8] = []
        for k in 0..<min(Int(count), 16) { bytes.append(UInt8(truncatingIfNeeded: (k < 8 ? low >> (8 * UInt64(k)) : high >> (8 * UInt64(k - 8))))) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bytes[range]` with ASCII upper-case letters lowered, as a string (a NUL byte reads as U+FFFD, as the
    /// tokenizer's rules say).
    public static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var nuls = 0
        for i in range where bytes[i] == 0 { nuls += 1 }
        // Written straight into the string (invalid UTF-8 repaired as `String(decoding:as:)` does): a name of up
        // to 15 bytes is stored inline, with no array and no allocation — every tag of every page goes through here.
        return String(unsafeUninitializedCapacity: range.count + 2 * nuls) { out in
            var n = 0
            for i in range {
                if bytes[i] == 0 {
                    out[n] = 0xEF; out[n + 1] = 0xBF; out[n + 2] = 0xBD
                    n += 3
                } else {
                    out[n] = lowered(bytes[i])
                    n += 1
                }
            }
            return n
        }
    }

    @inlinable @inline(__always)
    static func lowered(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    @inlinable public static var a: HTMLTagName { HTMLTagName(low: 0x61, high: 0x0, count: 1) }  // "a"
    @inlinable public static var math: HTMLTagName { HTMLTagName(low: 0x6874616D, high: 0x0, count: 4) }  // "math"
    @inlinable public static var svg: HTMLTagName { HTMLTagName(low: 0x677673, high: 0x0, count: 3) }  // "svg"
    @inlinable public static var script: HTMLTagName { HTMLTagName(low: 0x747069726373, high: 0x0, count: 6) }  // "script"
    @inlinable public static var style: HTMLTagName { HTMLTagName(low: 0x656C797473, high: 0x0, count: 5) }  // "style"
    @inlinable public static var title: HTMLTagName { HTMLTagName(low: 0x656C746974, high: 0x0, count: 5) }  // "title"
    @inlinable public static var textarea: HTMLTagName { HTMLTagName(low: 0x6165726174786574, high: 0x0, count: 8) }  // "textarea"
    @inlinable public static var xmp: HTMLTagName { HTMLTagName(low: 0x706D78, high: 0x0, count: 3) }  // "xmp"
    @inlinable public static var iframe: HTMLTagName { HTMLTagName(low: 0x656D61726669, high: 0x0, count: 6) }  // "iframe"
    @inlinable public static var noembed: HTMLTagName { HTMLTagName(low: 0x6465626D656F6E, high: 0x0, count: 7) }  // "noembed"
    @inlinable public static var noframes: HTMLTagName { HTMLTagName(low: 0x73656D6172666F6E, high: 0x0, count: 8) }  // "noframes"
    @inlinable public static var plaintext: HTMLTagName { HTMLTagName(low: 0x7865746E69616C70, high: 0x74, count: 9) }  // "plaintext"
    @inlinable public static var template: HTMLTagName { HTMLTagName(low: 0x6574616C706D6574, high: 0x0, count: 8) }  // "template"
    @inlinable public static var noscript: HTMLTagName { HTMLTagName(low: 0x7470697263736F6E, high: 0x0, count: 8) }  // "noscript"
    @inlinable public static var main: HTMLTagName { HTMLTagName(low: 0x6E69616D, high: 0x0, count: 4) }  // "main"
    @inlinable public static var nav: HTMLTagName { HTMLTagName(low: 0x76616E, high: 0x0, count: 3) }  // "nav"
    @inlinable public static var id: HTMLTagName { HTMLTagName(low: 0x6469, high: 0x0, count: 2) }  // "id"
    @inlinable public static var `class`: HTMLTagName { HTMLTagName(low: 0x7373616C63, high: 0x0, count: 5) }  // "class"
    @inlinable public static var name: HTMLTagName { HTMLTagName(low: 0x656D616E, high: 0x0, count: 4) }  // "name"
    @inlinable public static var href: HTMLTagName { HTMLTagName(low: 0x66657268, high: 0x0, count: 4) }  // "href"
    @inlinable public static var src: HTMLTagName { HTMLTagName(low: 0x637273, high: 0x0, count: 3) }  // "src"
}
