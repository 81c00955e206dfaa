/// A tag or attribute name as the HTML tokenizer reads it: ASCII upper-case letters lowered, every other byte
/// kept (no Unicode case folding: `K` written as the Kelvin sign is not `k`), packed into two words so that
/// comparing names costs two integer compares.
///
/// Names up to 16 bytes compare exactly; longer names are identified by a hash of their bytes, which no
/// consumer relies on (the names Ripple looks for are short) and which `HTMLTokenizer` double-checks
/// byte by byte where exactness matters (duplicate attributes).
package struct HTMLTagName: Hashable, Sendable, CustomStringConvertible {
    /// The name's first 8 bytes (lowered), little-endian.
    package private(set) var low: UInt64 = 0
    /// Bytes 9 to 16, or the hash of a longer name.
    package private(set) var high: UInt64 = 0
    /// The length in bytes, at most 255 (longer names are 255).
    package private(set) var count: UInt8 = 0

    /// The name of `bytes[range]`.
    @inline(__always)
    package init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if range.count > 16 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for i in range { hash = (hash ^ UInt64(Self.lowered(bytes[i]))) &* 0x100_0000_01B3 }
            high = hash
            count = UInt8(min(range.count, 255))
            for k in 0..<8 { low |= UInt64(Self.lowered(bytes[range.lowerBound + k])) << (8 * UInt64(k)) }
            return
        }
        count = UInt8(range.count)
        var k: UInt64 = 0
        for i in range {
            let b = UInt64(Self.lowered(bytes[i]))
            if k < 8 { low |= b << (8 * k) } else { high |= b << (8 * (k - 8)) }
            k += 1
        }
    }

    /// The name `text` (lowered as a tag name is).
    package init(_ text: String) {
        var text = text
        self = text.withUTF8 { HTMLTagName($0, 0..<$0.count) }
    }

    /// Whether this is `h1` … `h6`.
    package var isHeading: Bool {
        count == 2 && low & 0xFF == UInt64(UInt8(ascii: "h")) && (UInt64(UInt8(ascii: "1"))...UInt64(UInt8(ascii: "6"))).contains(low >> 8)
    }

    /// The name as text, for names up to 16 bytes (longer names have lost their bytes; use
    /// `HTMLTagName.lowercased(_:_:)` on the source).
    package var description: String {
        var bytes: [UInt8] = []
        for k in 0..<min(Int(count), 16) { bytes.append(UInt8(truncatingIfNeeded: (k < 8 ? low >> (8 * UInt64(k)) : high >> (8 * UInt64(k - 8))))) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bytes[range]` with ASCII upper-case letters lowered, as a string (a NUL byte reads as U+FFFD, as the
    /// tokenizer's rules say).
    package static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        for i in range {
            if bytes[i] == 0 { out += [0xEF, 0xBF, 0xBD] } else { out.append(lowered(bytes[i])) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func lowered(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    package static let a = HTMLTagName("a")
    package static let math = HTMLTagName("math")
    package static let svg = HTMLTagName("svg")
    package static let script = HTMLTagName("script")
    package static let style = HTMLTagName("style")
    package static let title = HTMLTagName("title")
    package static let textarea = HTMLTagName("textarea")
    package static let xmp = HTMLTagName("xmp")
    package static let iframe = HTMLTagName("iframe")
    package static let noembed = HTMLTagName("noembed")
    package static let noframes = HTMLTagName("noframes")
    package static let plaintext = HTMLTagName("plaintext")
    package static let template = HTMLTagName("template")
    package static let noscript = HTMLTagName("noscript")
    package static let main = HTMLTagName("main")
    package static let nav = HTMLTagName("nav")
    package static let id = HTMLTagName("id")
    package static let `class` = HTMLTagName("class")
    package static let name = HTMLTagName("name")
    package static let href = HTMLTagName("href")
    package static let src = HTMLTagName("src")
}
