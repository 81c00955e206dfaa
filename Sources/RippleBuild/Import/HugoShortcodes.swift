/// Hugo's common shortcodes in an imported page, turned into the Markdown Ripple renders: `highlight`, `code` and
/// `code-toggle` (Hugo's documentation's) into a fenced code block; `note`/`tip`/`info`/`warning`/`caution`/
/// `important` (`{{< … >}}` or `{{% … %}}`, paired) on a line of its own into a GitHub alert (inside a sentence,
/// just its text); `figure` into an image. Any other shortcode (youtube, tabs, param, a site's own) is dropped,
/// its inner text kept, with a note. `ref`/`relref` are `HugoRef`'s; `{{</* … */>}}` (a shortcode written as
/// text) is left alone.
enum HugoShortcodes {
    private static let alerts = ["note": "NOTE", "info": "NOTE", "tip": "TIP", "hint": "TIP", "important": "IMPORTANT",
                                 "warning": "WARNING", "caution": "CAUTION", "danger": "CAUTION"]

    /// `text` of the book file `source` with its shortcodes mapped; what was dropped goes to `notes`.
    static func rewrite(_ text: String, in source: String, notes: inout [String]) -> String {
        guard text.contains("{{<") || text.contains("{{%") else { return text }
        var out = ""
        var rest = Substring(text)
        var line = 1
        while let open = rest.firstRange(of: "{{") {
            let before = rest[..<open.lowerBound]
            line += before.count { $0 == "\n" }
            out += before
            guard let tag = Tag(rest[open.lowerBound...]) else {
                out += "{{"
                rest = rest[open.upperBound...]
                continue
            }
            rest = rest[tag.end...]
            if tag.closing { continue }
            let atLineStart = out.isEmpty || out.hasSuffix("\n")
            if let kind = alerts[tag.name], atLineStart {
                guard let (inner, after) = body(of: tag, in: rest) else { continue }
                let lines = inner.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }
                out += "> [!\(kind)]\n" + lines.joined(separator: "\n")
                line += inner.count { $0 == "\n" }
                rest = after
            } else if alerts[tag.name] != nil {
                // Inside a sentence an alert cannot be a block: its text stays in the sentence.
                continue
            } else if let language = codeLanguage(tag) {
                guard let (inner, after) = body(of: tag, in: rest) else { continue }
                out += "```" + language + "\n" + inner + "\n```"
                line += inner.count { $0 == "\n" }
                rest = after
            } else if tag.name == "figure", let src = tag.attributes["src"] {
                let alt = tag.attributes["alt"] ?? tag.attributes["caption"] ?? ""
                let title = tag.attributes["caption"].map { " \"" + $0.replacing("\"", with: "\\\"") + "\"" } ?? ""
                out += "![" + alt.replacing("]", with: "\\]") + "](" + (src.contains(" ") ? "<\(src)>" : src) + title + ")"
            } else if tag.name == "ref" || tag.name == "relref" {
                out += text[tag.range(in: text)]
            } else {
                notes.append("\(source):\(line): the Hugo shortcode '\(tag.name)' has no Ripple equivalent, so it was dropped (its inner text kept)")
            }
        }
        return out + rest
    }

    /// The language of a code shortcode's block (`highlight go`, `code lang=go`, `code file=x.html`, `code-toggle`,
    /// whose `file=hugo` is a configuration file, TOML first); nil for any other shortcode.
    private static func codeLanguage(_ tag: Tag) -> String? {
        switch tag.name {
        case "highlight": return tag.words.first ?? tag.attributes["lang"] ?? ""
        case "code", "code-toggle":
            if let language = tag.attributes["lang"] { return language }
            guard let file = tag.attributes["file"] else { return tag.name == "code-toggle" ? "toml" : "" }
            let ext = file.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last : nil }
            return ext.map(String.init) ?? (tag.name == "code-toggle" ? "toml" : "")
        default: return nil
        }
    }

    /// The text up to the matching closing tag (trimmed of the newlines next to the tags) and what follows it.
    private static func body(of tag: Tag, in rest: Substring) -> (String, Substring)? {
        var search = rest
        while let open = search.firstRange(of: "{{") {
            if let close = Tag(search[open.lowerBound...]), close.closing, close.name == tag.name {
                var inner = rest[..<open.lowerBound]
                while inner.first == "\n" { inner = inner.dropFirst() }
                while inner.last == "\n" { inner = inner.dropLast() }
                return (String(inner), rest[close.end...])
            }
            search = search[open.upperBound...]
        }
        return nil
    }

    /// One `{{< name words key="value" >}}` or `{{% … %}}` tag.
    private struct Tag {
        var name: String
        var closing: Bool
        var words: [String] = []
        var attributes: [String: String] = [:]
        var start: Substring.Index
        var end: Substring.Index

        init?(_ text: Substring) {
            let opener = text.dropFirst(2).first
            guard text.hasPrefix("{{"), opener == "<" || opener == "%" else { return nil }
            let closer = opener == "<" ? ">}}" : "%}}"
            let inside = text.dropFirst(3)
            guard !inside.hasPrefix("/*"), let close = inside.firstRange(of: closer),
                  !inside[..<close.lowerBound].contains("\n\n") else { return nil }
            start = text.startIndex
            end = close.upperBound
            var body = inside[..<close.lowerBound].drop { $0 == " " }
            closing = body.hasPrefix("/")
            if closing { body = body.dropFirst().drop { $0 == " " } }
            var tokens: [String] = []
            var current = "", quote: Character?
            for character in body {
                if let q = quote {
                    if character == q { quote = nil } else { current.append(character) }
                } else if character == "\"" || character == "`" {
                    quote = character
                } else if character == " " || character == "\n" {
                    if !current.isEmpty { tokens.append(current); current = "" }
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { tokens.append(current) }
            guard let first = tokens.first, first.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "/" })
            else { return nil }
            name = first
            for token in tokens.dropFirst() {
                if let eq = token.firstIndex(of: "=") {
                    attributes[String(token[..<eq])] = String(token[token.index(after: eq)...])
                } else {
                    words.append(token)
                }
            }
        }

        func range(in text: String) -> Range<Substring.Index> { start..<end }
    }
}
