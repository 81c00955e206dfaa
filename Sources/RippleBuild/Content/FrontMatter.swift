import Foundation
import RippleCore

/// The front matter of a Markdown file, split from its body: YAML between `---` lines or TOML between `+++`
/// lines (as Hugo writes it).
///
/// Real sites carry keys Ripple does not use (`description`, `tags`, `aliases`, …): those are kept for
/// templates as `page.extra.<key>` (lists joined with ", ", one level of mapping as `key.sub`), not errors.
/// `description` is the summary when there is no `summary`. A key one typo away from a known key is still an
/// error with "did you mean". Dates may carry a time (`2026-03-31T09:30:00Z`); the day is kept.
struct FrontMatter {
    var title: String?
    var summary: String?
    var linkTitle: String?
    var weight: Int?
    var draft = false
    var slug: String?
    var date: Day?
    var extra: [String: String] = [:]
    /// The Markdown after the closing `---`.
    var body: String
    /// Lines before the body.
    var bodyLineOffset: Int

    static let keys = ["title", "summary", "description", "linkTitle", "weight", "draft", "slug", "date", "extra"]

    /// Splits and parses front matter; a file without a leading `---` line has none.
    ///
    /// Scans bytes up to the closing `---` only: the body is never split into lines (10,000 chapters).
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        let utf8 = text.utf8
        var index = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        var isTOML = false
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
            let line = utf8[index..<contentEnd]
            if yamlStart == nil {
                isTOML = line.elementsEqual("+++".utf8)
                guard isTOML || line.elementsEqual("---".utf8) else { return FrontMatter(body: text, bodyLineOffset: 0) }
                yamlStart = next
            } else if line.elementsEqual((isTOML ? "+++" : "---").utf8), let yamlStart {
                let source = String(text[yamlStart..<index])
                var matter = FrontMatter(body: String(text[next...]), bodyLineOffset: lineNumber)
                var reader = YAMLReader(file: file, lineOffset: 1)
                if !source.allSatisfy(\.isWhitespace),
                   let root = isTOML ? TOMLFrontMatter.parse(source, file: file, diagnostics: &diagnostics) : reader.parse(source) {
                    matter.read(root, with: &reader)
                }
                diagnostics += reader.diagnostics
                return matter
            }
            index = next
        }
        guard yamlStart != nil else { return FrontMatter(body: text, bodyLineOffset: 0) }
        diagnostics.append(.error("front matter is never closed", at: SourceLocation(file: file, line: 1, column: 1),
                                  hint: "add a line with only `\(isTOML ? "+++" : "---")` after the front matter"))
        return FrontMatter(body: text, bodyLineOffset: 0)
    }

    private mutating func read(_ root: YAMLNode, with reader: inout YAMLReader) {
        guard case let .mapping(pairs, _, _) = root else {
            reader.report("front matter must be a mapping of `key: value` lines", at: root)
            return
        }
        var description: String?
        for (keyNode, value) in pairs {
            guard let key = keyNode.string else {
                reader.report("keys in front matter must be plain words", at: keyNode)
                continue
            }
            switch key {
            case "title": title = reader.string(value, key: key)
            case "summary": summary = reader.string(value, key: key)
            case "description": description = reader.string(value, key: key)
            case "linkTitle": linkTitle = reader.string(value, key: key)
            case "weight": weight = reader.int(value, key: key)
            case "draft": draft = reader.bool(value, key: key) ?? false
            case "date": date = Self.day(value, with: &reader)
            case "slug":
                guard let text = reader.string(value, key: key) else { continue }
                if OutputPath.isSafeSegment(text) { slug = text } else {
                    reader.report("slug '\(text)' would put the page outside its folder", at: value,
                                  hint: "use a plain name such as 'matching' (letters, digits and dashes, no '/' or '..')")
                }
            case "extra":
                guard case let .mapping(extras, _, _) = value else {
                    reader.report("'extra' must be a mapping of names to values", at: value)
                    continue
                }
                for (name, item) in extras { if let name = name.string { keep(item, as: name) } }
            default:
                if let guess = YAMLReader.closest(to: key, in: Self.keys) {
                    reader.report("unknown key '\(key)' in front matter", at: keyNode,
                                  hint: "did you mean '\(guess)'? (other keys are kept for templates as page.extra)")
                } else {
                    keep(value, as: key)
                }
            }
        }
        if summary == nil { summary = description }
    }

    /// Keeps a value Ripple does not use for templates: a single value as it is, a list joined with ", ",
    /// a mapping's single values as `key.name`.
    private mutating func keep(_ value: YAMLNode, as key: String) {
        switch value {
        case let .scalar(text, _, _): extra[key] = text
        case let .sequence(items, _, _): extra[key] = items.compactMap(\.string).joined(separator: ", ")
        case let .mapping(pairs, _, _):
            for (name, item) in pairs {
                if let name = name.string, let text = item.string { extra[key + "." + name] = text }
            }
        }
    }

    /// A date `2026-03-31`, or a date and time (`2026-03-31T09:30:00Z`, `2026-03-31 09:30:00 +02:00`) whose day
    /// is kept.
    private static func day(_ node: YAMLNode, with reader: inout YAMLReader) -> Day? {
        guard let text = reader.string(node, key: "date") else { return nil }
        let scalars = Array(text.unicodeScalars)
        if scalars.count == 10, let day = Day(iso: text) { return day }
        if scalars.count > 11, ["T", "t", " "].contains(scalars[10]), let day = Day(iso: String(text.unicodeScalars.prefix(10))),
           isTime(String(String.UnicodeScalarView(scalars[11...]))) {
            return day
        }
        reader.report("'date' must be a date like 2026-03-31, not '\(text)'", at: node,
                      hint: "write dates as YYYY-MM-DD, optionally with a time: 2026-03-31T09:30:00Z")
        return nil
    }

    /// Whether `text` is a time `HH:MM[:SS[.fraction]]` with an optional zone (`Z`, `+02:00`, ` +0200`).
    private static func isTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ at: Int, _ count: Int) -> Bool {
            at + count <= bytes.count && bytes[at..<at + count].allSatisfy { (0x30...0x39).contains($0) }
        }
        guard digits(0, 2), bytes.count >= 5, bytes[2] == UInt8(ascii: ":"), digits(3, 2) else { return false }
        var index = 5
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard digits(index + 1, 2) else { return false }
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while digits(index, 1) { index += 1 }
            }
        }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let zone = String(decoding: bytes[index...], as: UTF8.self)
        if zone.isEmpty || zone == "Z" || zone == "z" { return true }
        let rest = Array(zone.utf8)
        guard rest[0] == UInt8(ascii: "+") || rest[0] == UInt8(ascii: "-") else { return false }
        let body = rest.dropFirst().filter { $0 != UInt8(ascii: ":") }
        return body.count == 4 && body.allSatisfy { (0x30...0x39).contains($0) }
    }
}
