#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one HTML tokenizer: reads UTF-8 bytes by the WHATWG HTML tokenization rules and reports text, tags,
/// comments and doctypes to an `HTMLTokenVisitor`, as byte ranges (nothing decoded, nothing allocated per tag
/// beyond the reused attribute list).
///
/// Tree construction is out of scope except for the two things that change how bytes tokenize: after a start
/// tag of a raw-text or RCDATA element the tokenizer reads text up to the matching end tag, and inside `svg`
/// or `math` (counted by their start and end tags) it does not, and reads `<![CDATA[`. The script-data
/// "double escaped" states (`<!--<script>` inside a script) are not modelled: `</script` always ends a script.
public struct HTMLTokenizer<Visitor: HTMLTokenVisitor> {
    // Public and inlinable, so that each visitor's module gets its own specialised copy: unspecialised, a
    // 10,000-chapter guide build took 9% more CPU time than with the parsers this replaced, specialised 5%.
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline var token: HTMLTagToken
    @usableFromInline var foreignDepth = 0

    @usableFromInline
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        token = HTMLTagToken(name: HTMLTagName(bytes, 0..<0), nameRange: 0..<0, isEnd: false, selfClosing: false, range: 0..<0, attributes: [])
    }

    /// Reports every token of `bytes` to `visitor`.
    @inlinable
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into visitor: inout Visitor) {
        var tokenizer = HTMLTokenizer(bytes: bytes)
        tokenizer.run(&visitor)
    }

    @inlinable @inline(__always)
    mutating func run(_ visitor: inout Visitor) {
        let n = bytes.count
        var textStart = 0, i = 0
        func flush(_ end: Int, _ visitor: inout Visitor) {
            if textStart < end { visitor.text(textStart..<end) }
        }
        while let open = find(Self.lt, from: i) {
            guard open + 1 < n else { break }
            let c = bytes[open + 1]
            if Self.isAlpha(c) || (c == Self.slash && open + 2 < n && Self.isAlpha(bytes[open + 2])) {
                flush(open, &visitor)
                guard readTag(at: open) else {
                    visitor.unfinished(open..<n)
                    textStart = n
                    break
                }
                visitor.tag(token)
                i = token.range.upperBound
                textStart = i
                if token.isEnd {
                    if foreignDepth > 0, token.name == .svg || token.name == .math { foreignDepth -= 1 }
                } else if let end = rawTextEnd(after: i) {
                    if i < end { visitor.rawText(i..<end, of: token.name) }
                    i = end
                    textStart = end
                }
                continue
            }
            let end: Int, kind: HTMLMarkupKind
            switch c {
            case Self.bang:
                (end, kind) = declarationEnd(at: open)
            case Self.slash:
                guard open + 2 < n else { i = n; continue }
                (end, kind) = (bytes[open + 2] == Self.gt ? open + 3 : after(Self.gt, from: open + 2), .bogusComment)
            case Self.question:
                (end, kind) = (after(Self.gt, from: open + 1), .bogusComment)
            default:
                i = open + 1
                continue
            }
            flush(open, &visitor)
            visitor.markup(open..<end, kind)
            i = end
            textStart = end
        }
        flush(n, &visitor)
    }

    /// Where the comment, doctype, CDATA section or bogus comment opening with `<!` at `open` ends.
    @inlinable
    func declarationEnd(at open: Int) -> (Int, HTMLMarkupKind) {
        let n = bytes.count
        if starts(with: "<!--", at: open) {
            let start = open + 4
            if start < n, bytes[start] == Self.gt { return (start + 1, .comment) }  // `<!-->`
            if start + 1 < n, bytes[start] == Self.dash, bytes[start + 1] == Self.gt { return (start + 2, .comment) }  // `<!--->`
            var at = start
            while let dash = find(Self.dash, from: at) {
                if dash + 2 < n, bytes[dash + 1] == Self.dash {
                    if bytes[dash + 2] == Self.gt { return (dash + 3, .comment) }
                    if dash + 3 < n, bytes[dash + 2] == Self.bang, bytes[dash + 3] == Self.gt { return (dash + 4, .comment) }
                }
                at = dash + 1
            }
            return (n, .comment)
        }
        if starts(with: "<!doctype", at: open, ignoringCase: true) { return (after(Self.gt, from: open + 9), .doctype) }
        if foreignDepth > 0, starts(with: "<![CDATA[", at: open) {
            var at = open + 9
            while let bracket = find(UInt8(ascii: "]"), from: at) {
                if bracket + 2 < n, bytes[bracket + 1] == UInt8(ascii: "]"), bytes[bracket + 2] == Self.gt { return (bracket + 3, .cdata) }
                at = bracket + 1
            }
            return (n, .cdata)
        }
        return (after(Self.gt, from: open + 2), .bogusComment)
    }

    /// After the start tag just read: where the text of a raw-text element ends (its end tag or the end of
    /// the input); nil when the element is not one.
    @inlinable
    mutating func rawTextEnd(after start: Int) -> Int? {
        let name = token.name
        if name == .svg || name == .math {
            if !token.selfClosing { foreignDepth += 1 }
            return nil
        }
        guard foreignDepth == 0 else { return nil }
        switch name {
        case .script, .style, .textarea, .title, .xmp, .iframe, .noembed, .noframes: break
        case .plaintext: return bytes.count
        default: return nil
        }
        let n = bytes.count, length = token.nameRange.count
        var at = start
        while let open = find(Self.lt, from: at) {
            let close = open + 2 + length
            if close < n, bytes[open + 1] == Self.slash, HTMLTagName(bytes, (open + 2)..<close) == name {
                let b = bytes[close]
                if Self.isSpace(b) || b == Self.slash || b == Self.gt { return open }
            }
            at = open + 1
        }
        return n
    }

    /// The first `byte` at or after `start`.
    @inlinable @inline(__always)
    func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Just past the first `byte` at or after `start`, or the end of the input.
    @inlinable
    func after(_ byte: UInt8, from start: Int) -> Int {
        find(byte, from: start).map { $0 + 1 } ?? bytes.count
    }

    @inlinable
    func starts(with prefix: StaticString, at start: Int, ignoringCase: Bool = false) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        for k in 0..<count {
            let b = ignoringCase ? HTMLTagName.lowered(bytes[start + k]) : bytes[start + k]
            if b != prefix.utf8Start[k] { return false }
        }
        return true
    }

    @inlinable static var lt: UInt8 { UInt8(ascii: "<") }
    @inlinable static var gt: UInt8 { UInt8(ascii: ">") }
    @inlinable static var slash: UInt8 { UInt8(ascii: "/") }
    @inlinable static var bang: UInt8 { UInt8(ascii: "!") }
    @inlinable static var question: UInt8 { UInt8(ascii: "?") }
    @inlinable static var dash: UInt8 { UInt8(ascii: "-") }
    @inlinable static var equals: UInt8 { UInt8(ascii: "=") }

    @inlinable @inline(__always)
    static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }

    /// Tab, line feed, form feed, carriage return (a line break once the input stream is normalised) and space.
    @inlinable @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 12 || b == 13 }
}
