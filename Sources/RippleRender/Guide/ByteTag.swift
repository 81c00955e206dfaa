#if canImport(Glibc)
import Glibc
#endif

/// `HTMLRewriter`'s tag reader on UTF-8 bytes: the same rules as its character-by-character `parseTag` for tags
/// that are ASCII outside their quoted values, and `.notASCII` for the others.
enum ByteTag {
    /// What reading at a `<` found.
    enum Result {
        /// A tag, ending before byte `end`.
        case tag(HTMLRewriter.Tag, end: Int)
        /// A stray `<`.
        case notATag
        /// A character outside ASCII where it matters: read this one character by character.
        case notASCII
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let equals = UInt8(ascii: "="), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")

    /// The first `byte` at or after `start`.
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// For a comment, CDATA section, doctype or processing instruction at `open`, what ends it. `joined(i)` says
    /// whether the ASCII byte `i` is one `Character` with what follows it.
    static func markupDeclarationEnd(_ bytes: UnsafeBufferPointer<UInt8>, at open: Int, joined: (Int) -> Bool) -> [UInt8]? {
        func startsWith(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            return open + count <= bytes.count && (0..<count).allSatisfy { bytes[open + $0] == prefix.utf8Start[$0] }
                && !joined(open + count - 1)
        }
        if startsWith("<!--") { return Array("-->".utf8) }
        if startsWith("<![CDATA[") { return Array("]]>".utf8) }
        if startsWith("<!") || startsWith("<?") { return [gt] }
        return nil
    }

    /// The end (just past) of the first `needle` at or after `start` whose last byte is not joined to what
    /// follows (see `markupDeclarationEnd`).
    static func findEnd(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                        joined: (Int) -> Bool) -> Int? {
        var at = start
        while let first = find(needle[0], in: bytes, from: at) {
            let end = first + needle.count
            guard end <= bytes.count else { return nil }
            if needle.indices.allSatisfy({ bytes[first + $0] == needle[$0] }), !joined(end - 1) { return end }
            at = first + 1
        }
        return nil
    }

    /// Reads the tag at `open` (a `<`).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> Result {
        let n = bytes.count
        // A character outside ASCII right after a delimiter may join it in one `Character`.
        func followedByASCII(_ i: Int) -> Bool { i >= n || bytes[i] < 0x80 }
        var i = open + 1
        guard followedByASCII(i) else { return .notASCII }
        var isEnd = false
        if i < n, bytes[i] == slash {
            isEnd = true
            i += 1
            guard followedByASCII(i) else { return .notASCII }
        }
        let nameStart = i
        while i < n, isNameByte(bytes[i]) { i += 1 }
        guard followedByASCII(i) else { return .notASCII }
        guard nameStart < i, isLetter(bytes[nameStart]) else { return .notATag }
        var tag = HTMLRewriter.Tag(name: lowercased(bytes, nameStart..<i), isEnd: isEnd, attributes: [], selfClosing: false)
        while i < n {
            let c = bytes[i]
            guard c < 0x80, followedByASCII(i + 1) else { return .notASCII }
            if c == gt { return followedByASCII(i + 1) ? .tag(tag, end: i + 1) : .notASCII }
            if c == slash {
                let next = i + 1
                guard followedByASCII(next) else { return .notASCII }
                if next < n, bytes[next] == gt {
                    tag.selfClosing = true
                    return followedByASCII(next + 1) ? .tag(tag, end: next + 1) : .notASCII
                }
                i = next
                continue
            }
            if isSpace(c) { i += 1; continue }
            let attrStart = i
            while i < n, bytes[i] < 0x80, !isSpace(bytes[i]), bytes[i] != equals, bytes[i] != gt, bytes[i] != slash { i += 1 }
            guard followedByASCII(i) else { return .notASCII }
            guard attrStart < i else { return .notATag }
            let name = string(bytes, attrStart..<i)
            var j = i
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard followedByASCII(j) else { return .notASCII }
            guard j < n, bytes[j] == equals else {
                tag.attributes.append((name, nil))
                continue
            }
            j += 1
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard followedByASCII(j) else { return .notASCII }
            guard j < n else { return .notATag }
            let quote = bytes[j]
            if quote == dquote || quote == squote {
                let valueStart = j + 1
                guard followedByASCII(valueStart) else { return .notASCII }
                guard let close = find(quote, in: bytes, from: valueStart) else { return .notATag }
                guard followedByASCII(close + 1) else { return .notASCII }
                var value = string(bytes, valueStart..<close)
                if quote == squote { value = value.replacingAll("\"", with: "&quot;") }
                tag.attributes.append((name, value))
                i = close + 1
            } else {
                let valueStart = j
                while j < n, !isSpace(bytes[j]), bytes[j] != gt {
                    guard bytes[j] < 0x80 else { return .notASCII }
                    j += 1
                }
                tag.attributes.append((name, XHTML.escape(string(bytes, valueStart..<j))))
                i = j
            }
        }
        return .notATag
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    /// `HTMLRewriter.isNameCharacter` for ASCII.
    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ".")
    }
    /// `Character.isWhitespace` for ASCII.
    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }
}
