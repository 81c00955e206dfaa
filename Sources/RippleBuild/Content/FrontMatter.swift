import Foundation
import RippleCore

/// The YAML front matter of a Markdown file, split from its body.
struct FrontMatter {
    var title: String?
    var summary: String?
    var weight: Int?
    var draft = false
    var slug: String?
    var date: Day?
    var extra: [String: String] = [:]
    /// The Markdown after the closing `---`.
    var body: String
    /// Lines before the body.
    var bodyLineOffset: Int

    static let keys = ["title", "summary", "weight", "draft", "slug", "date", "extra"]

    /// Splits and parses front matter; a file without a leading `---` line has none.
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        // "\r\n" is one Character in Swift, so split on any line break, not only "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let first = lines.first, first == "---" else {
            return FrontMatter(body: text, bodyLineOffset: 0)
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" }) else {
            diagnostics.append(.error("front matter is never closed", at: SourceLocation(file: file, line: 1, column: 1),
                                      hint: "add a line with only `---` after the front matter"))
            return FrontMatter(body: text, bodyLineOffset: 0)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        lines.removeFirst(close + 1)
        var matter = FrontMatter(body: lines.joined(separator: "\n"), bodyLineOffset: close + 1)
        var reader = YAMLReader(file: file, lineOffset: 1)
        if !yaml.trimmingCharacters(in: .whitespaces).isEmpty, let root = reader.parse(yaml) {
            matter.read(root, with: &reader)
        }
        diagnostics += reader.diagnostics
        return matter
    }

    private mutating func read(_ root: YAMLNode, with reader: inout YAMLReader) {
        reader.mapping(root, in: "front matter", keys: Self.keys) { reader, key, value in
            switch key {
            case "title": title = reader.string(value, key: key)
            case "summary": summary = reader.string(value, key: key)
            case "weight": weight = reader.int(value, key: key)
            case "draft": draft = reader.bool(value, key: key) ?? false
            case "date": date = reader.day(value, key: key)
            case "slug":
                guard let text = reader.string(value, key: key) else { return }
                if OutputPath.isSafeSegment(text) { slug = text } else {
                    reader.report("slug '\(text)' would put the page outside its folder", at: value,
                                  hint: "use a plain name such as 'matching' (letters, digits and dashes, no '/' or '..')")
                }
            default:
                guard case let .mapping(pairs, _, _) = value else {
                    reader.report("'extra' must be a mapping of names to values", at: value)
                    return
                }
                for (k, v) in pairs {
                    if let name = k.string, let text = reader.string(v, key: name) { extra[name] = text }
                }
            }
        }
    }
}
