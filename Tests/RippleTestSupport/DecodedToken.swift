import RippleCore

/// What the differential tests' references read at an offset of a page: a tag with its name and every
/// attribute decoded into strings, raw text (script, style, title, textarea), or something to skip
/// (comments, doctypes, tags cut off by the end) — all from `HTMLTokenizer`, the one tokenizer.
public enum DecodedToken {
    /// A start or end tag, decoded.
    public struct Tag {
        public var name: String
        public var closing: Bool
        public var selfClosing: Bool
        public var attributes: [(name: String, value: String)]
        /// Offset just past the tag.
        public var end: Int

        public init(name: String, closing: Bool, selfClosing: Bool, attributes: [(name: String, value: String)], end: Int) {
            self.name = name; self.closing = closing; self.selfClosing = selfClosing; self.attributes = attributes; self.end = end
        }

        /// The first value of an attribute.
        public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        public var id: String? { attribute("id") }
        public var classes: [Substring] { (attribute("class") ?? "").split(separator: " ") }
        /// `h1` … `h6`.
        public static func isHeading(_ name: String) -> Bool {
            name.count == 2 && name.hasPrefix("h") && ("1"..."6").contains(name.dropFirst())
        }
    }

    case tag(Tag)
    case raw(element: String, end: Int)
    case skip(end: Int)

    /// The tokens of a page, keyed by the offset they start at (text is not listed).
    public static func tokens(_ bytes: [UInt8]) -> [Int: DecodedToken] {
        struct Collector: HTMLTokenVisitor {
            let bytes: UnsafeBufferPointer<UInt8>
            var tokens: [Int: DecodedToken] = [:]
            mutating func text(_ range: Range<Int>) {}
            mutating func rawText(_ range: Range<Int>, of element: HTMLTagName) {
                tokens[range.lowerBound] = .raw(element: "\(element)", end: range.upperBound)
            }
            mutating func tag(_ tag: HTMLTagToken) {
                tokens[tag.range.lowerBound] = .tag(Tag(
                    name: tag.nameText(bytes), closing: tag.isEnd, selfClosing: tag.selfClosing,
                    attributes: tag.attributes.map { ($0.nameText(bytes), $0.value(bytes)) }, end: tag.range.upperBound))
            }
            mutating func markup(_ range: Range<Int>, _ kind: HTMLMarkupKind) { tokens[range.lowerBound] = .skip(end: range.upperBound) }
            mutating func unfinished(_ range: Range<Int>) { tokens[range.lowerBound] = .skip(end: range.upperBound) }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var collector = Collector(bytes: buffer)
            HTMLTokenizer.tokenize(buffer, into: &collector)
            return collector.tokens
        }
    }
}
