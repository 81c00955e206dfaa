import RippleCore

/// Makes one piece of raw HTML from a Markdown document (an HTML block or one inline tag) safe, reading it with
/// the one HTML tokenizer: comments are dropped; elements and attributes of `HTMLAllowlist` are written again
/// as well-formed markup (values quoted and escaped, void elements closed, end tags matched); everything else
/// is removed and reported.
struct RawHTMLSanitizer: HTMLTokenVisitor {
    /// Something removed, at a byte offset into the piece.
    struct Removal: Equatable {
        var offset: Int
        var message: String
    }

    /// What the pieces of raw HTML in one block (a paragraph, a list item, the document) leave for the next.
    struct Scope {
        /// Elements started and not yet ended.
        var open: [String] = []
        /// Inside an element removed with its content: its name and how deep it nests in itself.
        var dropping: (name: HTMLTagName, depth: Int)?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let rewriteURL: (_ url: String, _ isImage: Bool, _ offset: Int) -> String
    private(set) var scope: Scope
    /// The safe HTML.
    private(set) var html = ""
    /// The text a reader sees, character references decoded.
    private(set) var text = ""
    private(set) var removals: [Removal] = []
    /// The `id`s of kept elements (link targets such as `<a id="setup">`).
    private(set) var ids: [String] = []

    /// Sanitises `source`, continuing `scope`; `rewriteURL` is asked for every kept `a href` and `img src` (with
    /// the tag's byte offset).
    static func sanitize(
        _ source: String, scope: inout Scope, rewriteURL: (_ url: String, _ isImage: Bool, _ offset: Int) -> String
    ) -> (html: String, text: String, removals: [Removal], ids: [String]) {
        var source = source
        return withoutActuallyEscaping(rewriteURL) { rewriteURL in
            source.withUTF8 { bytes in
                var sanitizer = RawHTMLSanitizer(bytes: bytes, rewriteURL: rewriteURL, scope: scope)
                HTMLTokenizer.tokenize(bytes, into: &sanitizer)
                scope = sanitizer.scope
                return (sanitizer.html, sanitizer.text, sanitizer.removals, sanitizer.ids)
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, rewriteURL: @escaping (String, Bool, Int) -> String, scope: Scope) {
        self.bytes = bytes
        self.rewriteURL = rewriteURL
        self.scope = scope
    }

    mutating func text(_ range: Range<Int>) {
        guard scope.dropping == nil else { return }
        let decoded = Entity.decodeAll(bytes, range)
        html += Escape.xml(decoded)
        text += decoded
    }

    mutating func unfinished(_ range: Range<Int>) { text(range) }

    mutating func tag(_ token: HTMLTagToken) {
        if var drop = scope.dropping {
            if token.name == drop.name { drop.depth += token.isEnd ? -1 : (token.selfClosing ? 0 : 1) }
            scope.dropping = drop.depth > 0 ? drop : nil
            return
        }
        let name = token.nameText(bytes)
        guard HTMLAllowlist.elements.contains(name) else {
            // An end tag of a removed element goes quietly: its start tag was reported.
            guard !token.isEnd else { return }
            removals.append(Removal(offset: token.range.lowerBound, message: "raw HTML <\(name)> is not allowed, so it was removed"))
            if HTMLAllowlist.removedWithContent.contains(name), !token.selfClosing { scope.dropping = (token.name, 1) }
            return
        }
        if token.isEnd {
            guard let index = scope.open.lastIndex(of: name) else {
                if !HTMLAllowlist.void.contains(name) {
                    removals.append(Removal(offset: token.range.lowerBound, message: "</\(name)> ends no open <\(name)>, so it was removed"))
                }
                return
            }
            for element in scope.open[index...].reversed() { html += "</\(element)>" }
            scope.open.removeSubrange(index...)
            return
        }
        html += "<" + name + attributes(of: token, element: name)
        if HTMLAllowlist.void.contains(name) {
            html += " />"
        } else {
            html += ">"
            scope.open.append(name)
        }
    }

    private mutating func attributes(of token: HTMLTagToken, element: String) -> String {
        var out = ""
        var hasID = token.attribute(.id) != nil
        for attribute in token.attributes {
            var name = attribute.nameText(bytes)
            var value = attribute.quote == .none ? name : attribute.value(bytes)
            if element == "a", name == "name", !hasID {
                // `<a name>` is how older Markdown marks a link target; HTML5 and EPUB know only `id`.
                name = "id"
                hasID = true
            } else if !HTMLAllowlist.allows(name, on: element) {
                removals.append(Removal(offset: token.range.lowerBound,
                                        message: "attribute '\(name)' of raw HTML <\(element)> is not allowed, so it was removed"))
                continue
            }
            if (element == "a" && name == "href") || (element == "img" && name == "src") {
                guard !Cmark.isDangerousURL(Self.asBrowsersRead(value)) else {
                    let scheme = Self.asBrowsersRead(value).prefix { $0 != ":" }.lowercased()
                    removals.append(Removal(offset: token.range.lowerBound,
                                            message: "a '\(scheme):' address in raw HTML <\(element)> is not allowed, so it was removed"))
                    continue
                }
                value = rewriteURL(value, element == "img", token.range.lowerBound)
            }
            if name == "id" { ids.append(value) }
            out += " " + name + "=\"" + Escape.xml(value) + "\""
        }
        return out
    }

    /// A URL as browsers parse it: tabs and line breaks anywhere dropped, and spaces and control characters at
    /// either end (so ` java\tscript:` is a `javascript:` URL).
    static func asBrowsersRead(_ url: String) -> String {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
