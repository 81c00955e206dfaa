import RippleCore

/// A single-pass rewriter for the HTML that Ripple itself produces (cmark output, shortcodes, charts): it
/// visits every tag `HTMLTokenizer` finds, with its attributes, and lets the caller change them, leaving all
/// other bytes as they were.
struct HTMLRewriter {
    /// One start or end tag.
    struct Tag {
        /// Lowercased element name (`a`, `svg`, `img`).
        var name: String
        /// Whether this is an end tag (`</a>`).
        var isEnd: Bool
        /// Attributes in source order, names as written; `value` is nil for a bare attribute (`<details open>`).
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

    /// Rewrites every tag of `html`, read by `HTMLTokenizer`; `text` transforms the text between tags (and the
    /// contents of raw-text elements) — with `textOnlyWith`, only the runs holding that byte (the others cannot change).
    /// Comments, doctypes and CDATA sections are copied as they are, and so is what is kept, byte for byte.
    static func rewrite(_ html: String, text: ((Substring) -> String)? = nil, textOnlyWith trigger: UInt8? = nil,
                        tag: (Tag) -> Action) -> String {
        var html = html
        html.makeContiguousUTF8()
        let out = withoutActuallyEscaping(tag) { tag in
            html.utf8.withContiguousStorageIfAvailable { bytes in
                var rewriting = Rewriting(html: html, bytes: bytes, transformText: text, trigger: trigger, transformTag: tag)
                rewriting.out.reserveCapacity(bytes.count + bytes.count / 8)
                HTMLTokenizer.tokenize(bytes, into: &rewriting)
                return rewriting.out
            }!
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes bytes: what is kept is copied from the input, with no `String` made of it.
    private struct Rewriting: HTMLTokenVisitor {
        let html: String
        let bytes: UnsafeBufferPointer<UInt8>
        let transformText: ((Substring) -> String)?
        let trigger: UInt8?
        let transformTag: (Tag) -> Action
        var out: [UInt8] = []

        private func slice(_ range: Range<Int>) -> Substring {
            let utf8 = html.utf8
            return html[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }

        private mutating func copy(_ range: Range<Int>) { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }

        private mutating func transformed(_ range: Range<Int>) {
            guard let transformText, !range.isEmpty else { return copy(range) }
            if let trigger, !bytes[range].contains(trigger) { return copy(range) }
            out += transformText(slice(range)).utf8
        }

        mutating func text(_ range: Range<Int>) { transformed(range) }
        mutating func rawText(_ range: Range<Int>, of element: HTMLTagName) { transformed(range) }
        mutating func markup(_ range: Range<Int>, _ kind: HTMLMarkupKind) { copy(range) }
        mutating func unfinished(_ range: Range<Int>) { transformed(range) }

        mutating func tag(_ token: HTMLTagToken) {
            let attributes = token.attributes.map { attribute -> (name: String, value: String?) in
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[attribute.valueRange]), as: UTF8.self)
                let value: String? = switch attribute.quote {
                case .none: nil
                case .double: raw
                case .single: raw.replacingAll("\"", with: "&quot;")
                case .unquoted: XHTML.escape(raw)
                }
                // As written: SVG's attribute names are case-sensitive in XHTML (`viewBox`).
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[attribute.nameRange]), as: UTF8.self), value)
            }
            let tag = Tag(name: token.nameText(bytes), isEnd: token.isEnd, attributes: attributes, selfClosing: token.selfClosing)
            switch transformTag(tag) {
            case .keep: copy(token.range)
            case .rewrite(let changed): out += changed.serialized.utf8
            case .replace(let replacement): out += replacement.utf8
            }
        }
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
