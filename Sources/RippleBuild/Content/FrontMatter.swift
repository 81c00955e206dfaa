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
    ///
    /// Scans bytes up to the closing `---` only: the body is never split into lines (10,000 chapters).
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        let utf8 = text.utf8
        var index = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while index < utf8.endIndex {
            lineNumber += 1
            var contentEnd = index
            while contentEnd < utf8.endIndex, utf8[contentEnd] != 0x0A, utf8[contentEnd] != 0x0D { utf8.formIndex(after: &contentEnd) }
            var next = contentEnd
            if next < utf8.endIndex {
                let wasCR = utf8[next] == 0x0D
                utf8.formIndex(after: &next)
                if wasCR, next < utf8.endIndex, utf8[next] == 0x0A { utf8.formIndex(after: &next) }
            }
            let isFence = utf8[index..<contentEnd].elementsEqual("---".utf8)
            if yamlStart == nil {
                guard isFence else { return FrontMatter(body: text, bodyLineOffset: 0) }
                yamlStart = next
            } else if isFence, let yamlStart {
                let yaml = String(text[yamlStart..<index])
                var matter = FrontMatter(body: String(text[next...]), bodyLineOffset: lineNumber)
                var reader = YAMLReader(file: file, lineOffset: 1)
                if !yaml.allSatisfy(\.isWhitespace), let root = reader.parse(yaml) {
                    matter.read(root, with: &reader)
                }
                diagnostics += reader.diagnostics
                return matter
            }
            index = next
        }
        guard yamlStart != nil else { return FrontMatter(body: text, bodyLineOffset: 0) }
        diagnostics.append(.error("front matter is never closed", at: SourceLocation(file: file, line: 1, column: 1),
                                  hint: "add a line with only `---` after the front matter"))
        return FrontMatter(body: text, bodyLineOffset: 0)
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
