import RippleCore
@testable import RippleBuild
import RippleRender

/// The link scanner as it was before `PageScan` (one `HTMLTag` per tag, every attribute decoded): the oracle the
/// fast scanner is compared with, byte for byte, in `LinkCheckScanTests`.
enum ReferenceLinkScanner {
    typealias Link = LinkScanner.Link
    typealias Page = LinkScanner.Page
    private static let urlAttributes: Set<String> = ["href", "src", "poster", "xlink:href"]
    private static let rawText: Set<String> = ["script", "style", "textarea", "title"]

    /// Scans an HTML page.
    static func scanHTML(_ bytes: [UInt8]) -> Page {
        var ids = Set<String>()
        var links: [Link] = []
        var line = 1, counted = 0
        var openLink: Int?  // index in `links` of the `<a>` whose text is being collected
        var text: [UInt8] = []
        var i = 0
        func lineAt(_ offset: Int) -> Int {
            while counted < offset { if bytes[counted] == 10 { line += 1 }; counted += 1 }
            return line
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), let tag = HTMLTag.parse(bytes, at: i) else {
                if openLink != nil { text.append(bytes[i]) }
                i += 1
                continue
            }
            let tagLine = lineAt(i)
            if tag.name == "a", tag.closing, let index = openLink {
                links[index].text = Entity.decodeAll(text[...]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                openLink = nil
                text.removeAll(keepingCapacity: true)
            }
            i = tag.end
            guard !tag.closing, tag.name != "!" else { continue }
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
            if rawText.contains(tag.name), !tag.selfClosing {
                let end = find(Array("</\(tag.name)".utf8), in: bytes, from: i) ?? bytes.count
                if tag.name == "style" {
                    for found in LinkScanner.cssURLs(Array(bytes[i..<end])) {
                        links.append(Link(url: found.url, line: lineAt(i) + found.line - 1, text: ""))
                    }
                }
                i = end
            }
        }
        return Page(ids: ids, links: links)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if matches(needle, in: bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where (bytes[i + k] | 0x20) != (needle[k] | 0x20) { return false }
        return true
    }
}
