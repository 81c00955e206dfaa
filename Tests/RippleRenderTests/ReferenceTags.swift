import RippleCore

/// The tags of a page as the references of the differential tests read them: every tag from `HTMLTokenizer`
/// with its name and every attribute decoded into strings, keyed by the offset of its `<`. Comments, doctypes,
/// tags cut off by the end and the contents of scripts and styles read as `!` tags to skip.
struct ReferenceTag {
    var name: String
    var closing: Bool
    var selfClosing: Bool
    var attributes: [(name: String, value: String)]
    /// Offset just past the tag.
    var end: Int

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    var id: String? { attribute("id") }
    var classes: [Substring] { (attribute("class") ?? "").split(separator: " ") }
    static func isHeading(_ name: String) -> Bool { name.count == 2 && name.hasPrefix("h") && ("1"..."6").contains(name.dropFirst()) }

    static func tags(_ bytes: [UInt8]) -> [Int: ReferenceTag] {
        struct Collector: HTMLTokenVisitor {
            let bytes: UnsafeBufferPointer<UInt8>
            var tags: [Int: ReferenceTag] = [:]
            mutating func text(_ range: Range<Int>) {}
            mutating func rawText(_ range: Range<Int>, of element: HTMLTagName) {
                if element != .title && element != .textarea { skip(range) }
            }
            mutating func tag(_ tag: HTMLTagToken) {
                tags[tag.range.lowerBound] = ReferenceTag(
                    name: tag.nameText(bytes), closing: tag.isEnd, selfClosing: tag.selfClosing,
                    attributes: tag.attributes.map { ($0.nameText(bytes), $0.value(bytes)) }, end: tag.range.upperBound)
            }
            mutating func markup(_ range: Range<Int>, _ kind: HTMLMarkupKind) { skip(range) }
            mutating func unfinished(_ range: Range<Int>) { skip(range) }
            mutating func skip(_ range: Range<Int>) {
                tags[range.lowerBound] = ReferenceTag(name: "!", closing: false, selfClosing: true, attributes: [], end: range.upperBound)
            }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var collector = Collector(bytes: buffer)
            HTMLTokenizer.tokenize(buffer, into: &collector)
            return collector.tags
        }
    }
}
