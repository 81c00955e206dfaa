import RippleCore
@testable import RippleBuild
import RippleRender
import RippleTestSupport

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
        let tokens = DecodedToken.tokens(bytes)
        var i = 0
        func lineAt(_ offset: Int) -> Int {
            while counted < offset { if bytes[counted] == 10 { line += 1 }; counted += 1 }
            return line
        }
        while i < bytes.count {
            let tag: DecodedToken.Tag
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
