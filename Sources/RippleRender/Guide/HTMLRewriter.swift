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
    ///
    /// Works on the UTF-8 bytes, since every delimiter is ASCII; a tag with other characters outside its quoted
    /// values (a Unicode letter in a name, a no-break space between attributes, a combining mark after a
    /// delimiter) is parsed character by character instead, so every tag is read as `Character` rules read it.
    static func rewrite(_ html: String, text: (Substring) -> String = { String($0) }, tag: (Tag) -> Action) -> String {
        var html = html
        html.makeContiguousUTF8()
        return html.utf8.withContiguousStorageIfAvailable { rewrite(html, bytes: $0, text: text, tag: tag) }!
    }

    private static func rewrite(_ html: String, bytes: UnsafeBufferPointer<UInt8>, text: (Substring) -> String,
                                tag: (Tag) -> Action) -> String {
        let utf8 = html.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        // Whether the ASCII byte at `offset` and a combining character after it are one `Character`.
        func joined(_ offset: Int) -> Bool {
            offset + 1 < bytes.count && bytes[offset + 1] >= 0x80 && html[index(offset)].unicodeScalars.count > 1
        }
        var out = ""
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var position = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if textStart < end { out += text(html[index(textStart)..<index(end)]) }
        }
        while let open = ByteTag.find(UInt8(ascii: "<"), in: bytes, from: position) {
            // A `<` joined with a combining character is one `Character`, and text.
            if joined(open) {
                position = open + 1
                continue
            }
            if let terminator = ByteTag.markupDeclarationEnd(bytes, at: open, joined: joined) {
                guard let end = ByteTag.findEnd(terminator, in: bytes, from: open, joined: joined) else { break }
                flushText(upTo: open)
                out += html[index(open)..<index(end)]
                position = end
                textStart = end
                continue
            }
            let parsed: (tag: Tag, end: Int)?
            switch ByteTag.parse(bytes, at: open) {
            case .tag(let found, let end): parsed = (found, end)
            case .notATag: parsed = nil
            case .notASCII:
                parsed = parseTag(html, at: index(open)).map { ($0.tag, utf8.distance(from: utf8.startIndex, to: $0.end)) }
            }
            guard let parsed else {
                position = open + 1
                continue
            }
            flushText(upTo: open)
            switch tag(parsed.tag) {
            case .keep: out += html[index(open)..<index(parsed.end)]
            case .rewrite(let changed): out += changed.serialized
            case .replace(let replacement): out += replacement
            }
            position = parsed.end
            textStart = position
        }
        flushText(upTo: bytes.count)
        return out
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == ":" || c == "_" || c == "."
    }

    /// Parses the tag starting at `open` (`<`) character by character; nil when it is not a tag (a stray `<`).
    static func parseTag(_ html: String, at open: String.Index) -> (tag: Tag, end: String.Index)? {
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
