/// A small single-pass rewriter for the HTML that Ripple itself produces (cmark output, shortcodes, charts):
/// it visits every tag with its attributes and lets the caller change them, leaving all other bytes as
/// they were. It is not a general HTML parser; comments and CDATA sections are passed through untouched.
struct HTMLRewriter {
    /// One start or end tag.
    struct Tag {
        /// Lowercased element name (`a`, `svg`, `img`).
        var name: String
        /// Whether this is an end tag (`</a>`).
        var isEnd: Bool
        /// Attributes in source order; `value` is nil for a bare attribute (`<details open>`).
        var attributes: [(name: String, value: String?)]
        /// Whether the tag ends in `/>`.
        var selfClosing: Bool

        /// The value of an attribute.
        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value ?? nil
        }

        /// Sets (or adds) an attribute.
        mutating func set(_ name: String, _ value: String) {
            if let i = attributes.firstIndex(where: { $0.name == name }) { attributes[i].value = value }
            else { attributes.append((name, value)) }
        }

        var serialized: String {
            if isEnd { return "</\(name)>" }
            var text = "<" + name
            for (name, value) in attributes {
                text += " " + name
                if let value { text += "=\"" + value + "\"" }
            }
            return text + (selfClosing ? " />" : ">")
        }
    }

    /// What to do with a tag.
    enum Action {
        /// Keep the original bytes.
        case keep
        /// Write the (changed) tag.
        case rewrite(Tag)
        /// Write this text instead.
        case replace(String)
    }

    /// Rewrites every tag of `html`; `text` transforms the text between tags.
    static func rewrite(_ html: String, text: (Substring) -> String = { String($0) }, tag: (Tag) -> Action) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var index = html.startIndex
        var textStart = index
        func flushText(upTo end: String.Index) {
            if textStart < end { out += text(html[textStart..<end]) }
        }
        while let open = html[index...].firstIndex(of: "<") {
            let rest = html[open...]
            if rest.hasPrefix("<!--") || rest.hasPrefix("<![CDATA[") || rest.hasPrefix("<!") || rest.hasPrefix("<?") {
                let terminator = rest.hasPrefix("<!--") ? "-->" : rest.hasPrefix("<![CDATA[") ? "]]>" : ">"
                guard let end = rest.firstRange(of: terminator) else { break }
                flushText(upTo: open)
                out += html[open..<end.upperBound]
                index = end.upperBound
                textStart = index
                continue
            }
            guard let parsed = parseTag(html, at: open) else {
                index = html.index(after: open)
                continue
            }
            flushText(upTo: open)
            switch tag(parsed.tag) {
            case .keep: out += html[open..<parsed.end]
            case .rewrite(let changed): out += changed.serialized
            case .replace(let replacement): out += replacement
            }
            index = parsed.end
            textStart = index
        }
        flushText(upTo: html.endIndex)
        return out
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == ":" || c == "_" || c == "."
    }

    /// Parses the tag starting at `open` (`<`); nil when it is not a tag (a stray `<`).
    private static func parseTag(_ html: String, at open: String.Index) -> (tag: Tag, end: String.Index)? {
        var i = html.index(after: open)
        var isEnd = false
        if i < html.endIndex, html[i] == "/" { isEnd = true; i = html.index(after: i) }
        let nameStart = i
        while i < html.endIndex, isNameCharacter(html[i]) { i = html.index(after: i) }
        guard nameStart < i, html[nameStart].isLetter else { return nil }
        var tag = Tag(name: html[nameStart..<i].lowercased(), isEnd: isEnd, attributes: [], selfClosing: false)
        while i < html.endIndex {
            let c = html[i]
            if c == ">" { return (tag, html.index(after: i)) }
            if c == "/" {
                let next = html.index(after: i)
                if next < html.endIndex, html[next] == ">" { tag.selfClosing = true; return (tag, html.index(after: next)) }
                i = next
                continue
            }
            if c.isWhitespace { i = html.index(after: i); continue }
            let attrStart = i
            while i < html.endIndex, !html[i].isWhitespace, html[i] != "=", html[i] != ">", html[i] != "/" {
                i = html.index(after: i)
            }
            guard attrStart < i else { return nil }
            let name = String(html[attrStart..<i])
            var j = i
            while j < html.endIndex, html[j].isWhitespace { j = html.index(after: j) }
            guard j < html.endIndex, html[j] == "=" else {
                tag.attributes.append((name, nil))
                continue
            }
            j = html.index(after: j)
            while j < html.endIndex, html[j].isWhitespace { j = html.index(after: j) }
            guard j < html.endIndex else { return nil }
            let quote = html[j]
            if quote == "\"" || quote == "'" {
                let valueStart = html.index(after: j)
                guard let close = html[valueStart...].firstIndex(of: quote) else { return nil }
                var value = String(html[valueStart..<close])
                if quote == "'" { value = value.replacingAll("\"", with: "&quot;") }
                tag.attributes.append((name, value))
                i = html.index(after: close)
            } else {
                let valueStart = j
                while j < html.endIndex, !html[j].isWhitespace, html[j] != ">" { j = html.index(after: j) }
                tag.attributes.append((name, XHTML.escape(String(html[valueStart..<j]))))
                i = j
            }
        }
        return nil
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
