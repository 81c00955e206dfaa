/// Turns rendered HTML into plain-text sections for the search index. It reads only HTML Ripple itself
/// produced (well-formed, quoted attributes), so a small byte scanner is enough and fast on large guides.
enum SearchHTML {
    /// Elements whose content is not page text.
    private static let skipped: Set<String> = ["script", "style", "template", "svg", "noscript"]
    /// Elements that do not separate words (`<em>x</em>y` is one word).
    private static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ]

    /// Sections of `html`: text before the first heading with an id, then one per such heading.
    static func sections(of html: String) -> [SearchSection] {
        var sections = [SearchSection(id: "", heading: "", text: "")]
        var text: [UInt8] = []
        var heading: [UInt8] = []
        var inHeading: String?  // the heading's tag name while inside a heading with an id
        var skipDepth = 0, skipTag = ""
        var anchorDepth = 0  // inside `<a class="anchor">`, whose "#" is not heading text
        let bytes = Array(html.utf8)
        var i = 0

        func flushSection() {
            sections[sections.count - 1].text = collapse(text)
            text.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), let tag = HTMLTag.parse(bytes, at: i) {
                i = tag.end
                if skipDepth > 0 {
                    if tag.name == skipTag { skipDepth += tag.closing ? -1 : (tag.selfClosing ? 0 : 1) }
                    continue
                }
                if skipped.contains(tag.name), !tag.closing, !tag.selfClosing {
                    skipDepth = 1; skipTag = tag.name
                    continue
                }
                if tag.name == "a", anchorDepth > 0 || tag.classes.contains("anchor") {
                    if !tag.closing, tag.classes.contains("anchor") { anchorDepth += 1 } else if tag.closing { anchorDepth = max(0, anchorDepth - 1) }
                    continue
                }
                if HTMLTag.isHeading(tag.name) {
                    if !tag.closing, let id = tag.id, inHeading == nil {
                        flushSection()
                        inHeading = tag.name
                        sections.append(SearchSection(id: id, heading: "", text: ""))
                        continue
                    }
                    if tag.closing, tag.name == inHeading {
                        sections[sections.count - 1].heading = collapse(heading)
                        heading.removeAll(keepingCapacity: true)
                        inHeading = nil
                        continue
                    }
                }
                if !inline.contains(tag.name) {
                    if inHeading != nil { heading.append(32) } else { text.append(32) }
                }
                continue
            }
            i += 1
            if skipDepth > 0 || anchorDepth > 0 { continue }
            if byte == UInt8(ascii: "&"), let (decoded, end) = Entity.decode(bytes, at: i - 1) {
                if inHeading != nil { heading += decoded } else { text += decoded }
                i = end
                continue
            }
            if inHeading != nil { heading.append(byte) } else { text.append(byte) }
        }
        if inHeading != nil { sections[sections.count - 1].heading = collapse(heading) }
        flushSection()
        return sections
    }

    /// UTF-8 bytes as a string with runs of whitespace turned into single spaces and ends trimmed.
    static func collapse(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // ASCII white space, and a no-break space (UTF-8 C2 A0) read as a space.
            let isNoBreakSpace = byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 || isNoBreakSpace {
                pendingSpace = !out.isEmpty
                i += isNoBreakSpace ? 2 : 1
            } else {
                if pendingSpace { out.append(32); pendingSpace = false }
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
