import RippleCore
@testable import RippleBuild
import RippleRender

/// The link scanner as it was before `PageScan` (every attribute decoded into strings), reading the tags of
/// `HTMLTokenizer`: the oracle the fast scanner is compared with, byte for byte, in `LinkCheckScanTests`.
enum ReferenceLinkScanner {
    typealias Link = LinkScanner.Link
    typealias Page = LinkScanner.Page
    private static let urlAttributes: Set<String> = ["href", "src", "poster", "xlink:href"]

    /// Scans an HTML page.
    static func scanHTML(_ bytes: [UInt8]) -> Page {
        var ids = Set<String>()
        var links: [Link] = []
        var line = 1, counted = 0
        var openLink: Int?  // index in `links` of the `<a>` whose text is being collected
        var text: [UInt8] = []
        let tokens = ReferenceToken.tokens(bytes)
        var i = 0
        func lineAt(_ offset: Int) -> Int {
            while counted < offset { if bytes[counted] == 10 { line += 1 }; counted += 1 }
            return line
        }
        while i < bytes.count {
            let tag: ReferenceToken.Tag
            switch tokens[i] {
            case nil:
                if openLink != nil { text.append(bytes[i]) }
                i += 1
                continue
            case .skip(let end)?:
                i = end
                continue
            case .raw(let element, let end)?:
                if element == "style" {
                    for found in LinkScanner.cssURLs(Array(bytes[i..<end])) {
                        links.append(Link(url: found.url, line: lineAt(i) + found.line - 1, text: ""))
                    }
                }
                i = end
                continue
            case .tag(let found)?:
                tag = found
            }
            let tagLine = lineAt(i)
            if tag.name == "a", tag.closing, let index = openLink {
                links[index].text = Entity.decodeAll(text[...]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                openLink = nil
                text.removeAll(keepingCapacity: true)
            }
            i = tag.end
            guard !tag.closing else { continue }
            let before = links.count
            for (name, value) in tag.attributes {
                switch name {
                case "id": ids.insert(value)
                case "name" where tag.name == "a": ids.insert(value)
                case "srcset":
                    for candidate in value.split(separator: ",") {
                        if let url = candidate.split(whereSeparator: \.isWhitespace).first {
                            links.append(Link(url: String(url), line: tagLine, text: ""))
                        }
                    }
                case "data" where tag.name == "object":
                    links.append(Link(url: value, line: tagLine, text: ""))
                case "style":
                    links += LinkScanner.cssURLs(Array(value.utf8)).map { Link(url: $0.url, line: tagLine, text: "") }
                default:
                    if urlAttributes.contains(name) { links.append(Link(url: value, line: tagLine, text: "")) }
                }
            }
            if tag.name == "a", !tag.selfClosing, let href = tag.attribute("href") {
                openLink = links[before...].firstIndex { $0.url == href }
            }
        }
        return Page(ids: ids, links: links)
    }
}

/// What the reference reads at an offset: a tag with its attributes decoded, raw text, or something to skip
/// (comments, doctypes, tags cut off by the end).
enum ReferenceToken {
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(name: String, value: String)]
        var end: Int
        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    case tag(Tag)
    case raw(element: String, end: Int)
    case skip(end: Int)

    static func tokens(_ bytes: [UInt8]) -> [Int: ReferenceToken] {
        struct Collector: HTMLTokenVisitor {
            let bytes: UnsafeBufferPointer<UInt8>
            var tokens: [Int: ReferenceToken] = [:]
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
