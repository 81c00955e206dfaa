import RippleCore

/// Hugo's `{{< ref "path" >}}` and `{{< relref "path" >}}` (also `{{% … %}}` and the old `ref . "path"`) in a
/// chapter, replaced by the relative path of the page they name, so that the link is then pointed at the page's new
/// place like every other link.
enum HugoRef {
    /// `text` of the book file `source` with each ref replaced; `pages` are the book's Markdown files. A ref to
    /// no page of the book becomes an empty link, with a note.
    static func rewrite(_ text: String, in source: String, pages: Set<String>, notes: inout [String]) -> String {
        guard text.contains("ref") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}"),
                  let target = refTarget(rest[open.upperBound..<close.lowerBound]) else {
                out += rest[open]
                rest = rest[open.upperBound...]
                continue
            }
            let (path, fragment) = ImportLinks.split(target)
            let suffix = fragment.map { "#" + $0 } ?? ""
            if path.isEmpty {
                out += suffix
            } else if let page = find(path, from: source, pages: pages) {
                out += OutputPath.relativeHref(from: source, to: page) + suffix
            } else {
                notes.append("\(source): the Hugo ref to '\(target)' names no page of the import, so the link leads nowhere")
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The path of `< ref "x" >` (quoted or not) (the text between `{{` and `}}`), nil for any other shortcode.
    private static func refTarget(_ inner: Substring) -> String? {
        let body = inner.drop { $0 == " " }
        guard let open = body.first, open == "<" || open == "%", let close = body.last(where: { $0 != " " }),
              close == (open == "<" ? ">" : "%") else { return nil }
        var words = body.dropFirst().reversed().drop { $0 == " " }.dropFirst().reversed()
            .split(separator: " ", omittingEmptySubsequences: true).map { String($0) }
        guard words.first == "ref" || words.first == "relref" else { return nil }
        words.removeFirst()
        if words.first == "." { words.removeFirst() }
        guard words.count == 1, let word = words.first else { return nil }
        if let quote = word.first, quote == "\"" || quote == "'" || quote == "`" {
            return word.count >= 2 && word.last == quote ? String(word.dropFirst().dropLast()) : nil
        }
        return word
    }

    /// The page a ref names, as Hugo looks it up: relative to the page, then from the content root (whose leading
    /// folders may lie above the imported section), then by file name when only one page has it.
    private static func find(_ path: String, from source: String, pages: Set<String>) -> String? {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        var bases: [String] = []
        if !trimmed.hasPrefix("/"), let relative = ImportPaths.resolve(trimmed, relativeTo: source) { bases.append(relative) }
        let parts = trimmed.split(separator: "/")
        for k in parts.indices { bases.append(parts[k...].joined(separator: "/")) }
        for base in bases {
            if let page = [base, base + ".md", base + "/_index.md", base + "/index.md"].first(where: pages.contains) { return page }
        }
        guard let name = parts.last.map({ $0.hasSuffix(".md") ? String($0) : $0 + ".md" }) else { return nil }
        let named = pages.filter { $0 == name || $0.hasSuffix("/" + name) }
        return named.count == 1 ? named.first : nil
    }
}
