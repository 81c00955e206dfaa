/// mdBook's include directives, expanded as mdBook does when a book is imported: `{{#include file}}`,
/// `{{#include file:2:10}}` (also `:2`, `:2:`, `::10`), `{{#include file:anchor}}` (the lines between
/// `ANCHOR: anchor` and `ANCHOR_END: anchor`), the same for `{{#rustdoc_include}}`, and `{{#playground file}}`
/// as a Rust code block. `\{{#…}}` is left as written (Ripple shows it as mdBook does).
enum MdBookInclude {
    /// `text` of the file at `path` (relative to the book's source folder) with its directives expanded; `read`
    /// gives a file's text by the same kind of path; problems go to `notes`.
    static func expand(_ text: String, path: String, read: (String) -> String?, notes: inout [String], depth: Int = 0) -> String {
        guard text.contains("{{#") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{#") {
            let escaped = open.lowerBound > rest.startIndex && rest[rest.index(before: open.lowerBound)] == "\\"
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            out += rest[..<open.lowerBound]
            let directive = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            if escaped {
                // Kept with its backslash: Ripple's includes show `\{{#…}}` as text, as mdBook does.
                out += "{{#" + directive + "}}"
                continue
            }
            let words = directive.split(separator: " ", maxSplits: 1).map(String.init)
            let name = words.first ?? ""
            let argument = words.count > 1 ? words[1].trimmingCharacters() : ""
            switch name {
            case "include", "rustdoc_include", "playground":
                guard let included = include(argument, from: path, read: read, notes: &notes, depth: depth) else { continue }
                out += name == "playground" ? "```rust\n" + included + "\n```" : included
            case "title":
                notes.append("\(path): {{#title \(argument)}} was dropped (the guide's title is in ripple.yaml)")
            default:
                notes.append("\(path): {{#\(name)}} is not an mdBook directive Ripple knows, so it was dropped")
            }
        }
        return out + rest
    }

    private static func include(_ argument: String, from path: String, read: (String) -> String?, notes: inout [String],
                                depth: Int) -> String? {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let file = ImportPaths.resolve(parts[0], relativeTo: path)
        guard let file, let text = read(file) else {
            notes.append("\(path): the included file '\(parts[0])' does not exist, so the include was dropped")
            return nil
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if parts.count == 2, Int(parts[1]) == nil, !parts[1].isEmpty {
            let anchor = parts[1]
            guard let start = lines.firstIndex(where: { $0.contains("ANCHOR: \(anchor)") }) else {
                notes.append("\(path): the anchor '\(anchor)' is not in '\(parts[0])', so the include was dropped")
                return nil
            }
            let end = lines[start...].firstIndex { $0.contains("ANCHOR_END: \(anchor)") } ?? lines.endIndex
            lines = Array(lines[(start + 1)..<end])
        } else if parts.count >= 2 {
            let first = Int(parts[1]) ?? 1
            let last = parts.count == 2 ? (Int(parts[1]) ?? lines.count) : (Int(parts[2]) ?? lines.count)
            let lower = max(1, first), upper = min(lines.count, last)
            lines = lower <= upper ? Array(lines[(lower - 1)..<upper]) : []
        }
        // Anchor markers are mdBook's bookkeeping, not text.
        lines.removeAll { $0.contains("ANCHOR: ") || $0.contains("ANCHOR_END: ") }
        let body = lines.joined(separator: "\n")
        guard depth < 10 else { return body }
        return expand(body, path: file, read: read, notes: &notes, depth: depth + 1)
    }
}

private extension String {
    func trimmingCharacters() -> String { Substring(self).trimmingSpaces }
}
