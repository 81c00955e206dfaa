import RippleCore

/// Puts included files into a page's Markdown before it is read: a line that is only
/// `{{< include "path" >}}` or `{{< include "path" lines="3-10" >}}` (also `"3-"`, `"-10"`, `"7"`) becomes the
/// lines of that file, which may include others in turn. Paths are relative to the including file and must stay
/// under `content/`. The text goes in as written, inside code blocks too, so links in it are read as the page's.
///
/// mdBook's `{{#include …}}` is reported, not guessed at: its paths and anchors mean other things. Written
/// `\{{#include …}}`, it is text (as in mdBook, whose own guide shows its syntax so): the backslash goes.
package struct IncludeExpander {
    /// What expanding a page gave.
    package struct Expanded: Sendable {
        /// The Markdown with every include put in.
        package var body: String
        /// Where each run of the body's lines comes from; empty when nothing was included.
        package var sourceLines: [SourceLineRun]
        /// Every file an include named, found or not (site-relative paths).
        package var included: [String]
        /// Problems, located at the include line.
        package var diagnostics: [Diagnostic]
    }

    /// The text of a file under `content/` (site-relative path), nil when there is none.
    private let read: (String) -> String?
    private static let maxDepth = 16

    /// Creates an expander that reads included files through `read`.
    package init(read: @escaping (String) -> String?) {
        self.read = read
    }

    /// Whether `text` may hold an include line (a cheap check before expanding).
    package static func mayInclude(_ text: String) -> Bool {
        ByteSearch.contains("{{<", in: text) && ByteSearch.contains("include", in: text) || ByteSearch.contains("{{#", in: text)
    }

    /// Expands the includes of `body`, the Markdown of `file` after `lineOffset` lines of front matter.
    package func expand(_ body: String, file: String, lineOffset: Int) -> Expanded {
        var output = Output()
        expand(body, file: file, firstLine: lineOffset + 1, chain: [file], into: &output)
        return Expanded(body: output.modified ? output.lines.joined(separator: "\n") : body,
                        sourceLines: output.sourceLines.count > 1 ? output.sourceLines : [],
                        included: output.included, diagnostics: output.diagnostics)
    }

    private struct Output {
        var lines: [Substring] = []
        var sourceLines: [SourceLineRun] = []
        var included: [String] = []
        var diagnostics: [Diagnostic] = []
        /// Whether any line differs from the source.
        var modified = false

        mutating func startRun(file: String, fileLine: Int) {
            sourceLines.append(SourceLineRun(line: lines.count + 1, file: file, fileLine: fileLine))
        }
    }

    private func expand(_ text: String, file: String, firstLine: Int, chain: [String], into output: inout Output) {
        output.startRun(file: file, fileLine: firstLine)
        var fileLine = firstLine
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { fileLine += 1 }
            guard ByteSearch.contains("{{", in: line) else {
                output.lines.append(line)
                continue
            }
            if let (column, directive) = Self.mdBookDirective(in: line), column > 0 {
                output.diagnostics.append(.error(
                    "mdBook's \(directive)}} is not Ripple syntax, so the line would be shown as it is",
                    at: SourceLocation(file: file, line: fileLine, column: column),
                    hint: "write it on a line of its own as {{< include \"path\" lines=\"2-10\" >}}, or convert the book with `ripple import mdbook`"))
                output.lines.append(line)
                continue
            }
            if Self.mdBookDirective(in: line) != nil {
                output.lines.append(Substring(line.replacing("\\{{#", with: "{{#")))
                output.modified = true
                continue
            }
            guard let include = Self.includeLine(line) else {
                output.lines.append(line)
                continue
            }
            let location = SourceLocation(file: file, line: fileLine, column: include.column)
            if let path = Self.resolve(include.path, relativeTo: file) { output.included.append(path) }
            output.modified = true
            switch resolve(include, from: file, chain: chain, at: location) {
            case .failure(let problem):
                output.diagnostics.append(problem)
                output.lines.append("")
            case .success(let (path, text, first)):
                expand(text, file: path, firstLine: first, chain: chain + [path], into: &output)
                output.startRun(file: file, fileLine: fileLine + 1)
            }
        }
    }

    /// The file an include names, the lines it takes from it and the number of the first.
    private func resolve(_ include: Include, from file: String, chain: [String], at location: SourceLocation)
        -> Result<(String, String, Int), Diagnostic> {
        guard let path = Self.resolve(include.path, relativeTo: file) else {
            return .failure(.error("the included file '\(include.path)' is outside content/", at: location,
                                   hint: "put shared text under content/, for example in content/_shared/"))
        }
        if chain.contains(path) {
            let cycle = (chain.drop { $0 != path } + [path]).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
            return .failure(.error("'\(path)' includes itself (\(cycle.joined(separator: " → ")))", at: location,
                                   hint: "remove one of these includes"))
        }
        guard chain.count <= Self.maxDepth else {
            return .failure(.error("includes nest more than \(Self.maxDepth) deep", at: location,
                                   hint: "include the innermost files directly"))
        }
        guard let text = read(path) else {
            return .failure(.error("the included file '\(include.path)' does not exist", at: location,
                                   hint: "give the path relative to this file, like '_shared/intro.md'"))
        }
        guard let range = include.lines else { return .success((path, Self.withoutFinalNewline(text), 1)) }
        let lines = Self.withoutFinalNewline(text).split(separator: "\n", omittingEmptySubsequences: false)
        guard let bounds = Self.lineRange(range), bounds.lowerBound <= lines.count else {
            let bad = Self.lineRange(range) == nil
            return .failure(.error(bad ? "lines=\"\(range)\" is not a range of lines"
                                       : "lines=\"\(range)\" starts after the end of '\(include.path)' (\(lines.count) lines)",
                                   at: location, hint: "write lines=\"3-10\", lines=\"3-\", lines=\"-10\" or lines=\"7\""))
        }
        let upper = min(bounds.upperBound, lines.count)
        return .success((path, lines[(bounds.lowerBound - 1)..<upper].joined(separator: "\n"), bounds.lowerBound))
    }

    private struct Include {
        var path: String
        var lines: String?
        /// Where its `{{<` is (1-based, in Unicode scalars).
        var column: Int
    }

    /// The include a line holds, when the line is only that shortcode (white space around it allowed).
    private static func includeLine(_ line: Substring) -> Include? {
        let scalars = Array(line.unicodeScalars)
        let scanner = ShortcodeScanner(scalars)
        guard scanner.shortcodes.count == 1, let shortcode = scanner.shortcodes.first, shortcode.name == "include",
              scalars[..<shortcode.range.lowerBound].allSatisfy({ $0.properties.isWhitespace }),
              scalars[shortcode.range.upperBound...].allSatisfy({ $0.properties.isWhitespace }),
              let path = shortcode.arguments[""] else { return nil }
        return Include(path: path, lines: shortcode.arguments["lines"], column: shortcode.range.lowerBound + 1)
    }

    /// The column and name of the first mdBook directive (`{{#include`, `{{#rustdoc_include`, `{{#playground`) in
    /// `line` that is not escaped; column 0 when every one is (`\{{#include`); nil when there is none.
    private static func mdBookDirective(in line: Substring) -> (column: Int, directive: String)? {
        guard ByteSearch.contains("{{#", in: line) else { return nil }
        var found: String?
        for directive in ["{{#include", "{{#rustdoc_include", "{{#playground"] {
            for range in line.ranges(of: directive) {
                found = directive
                if range.lowerBound == line.startIndex || line[line.index(before: range.lowerBound)] != "\\" {
                    return (line.unicodeScalars[..<range.lowerBound].count + 1, directive)
                }
            }
        }
        return found.map { (0, $0) }
    }

    /// `3-10`, `3-`, `-10` or `7` as 1-based line numbers (an open end is `Int.max`).
    static func lineRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.filter { $0 != " " } }
        let first = parts[0].isEmpty && parts.count == 2 ? 1 : Int(parts[0])
        let last = parts.count == 1 ? first : (parts[1].isEmpty ? Int.max : Int(parts[1]))
        guard let first, let last, first >= 1, last >= first else { return nil }
        return first...last
    }

    /// `path` relative to the folder of `file`, as a site-relative path under `content/`; nil when it leaves it.
    static func resolve(_ path: String, relativeTo file: String) -> String? {
        var parts = path.hasPrefix("/") ? ["content"] : file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.count > 1 else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        guard parts.first == "content", parts.count > 1 else { return nil }
        return parts.joined(separator: "/")
    }

    private static func withoutFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
