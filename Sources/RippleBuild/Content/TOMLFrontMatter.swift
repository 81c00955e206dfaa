import RippleCore
import TOMLKit

/// TOML front matter (between `+++` lines), read with TOMLKit and turned into the same `YAMLNode` tree as YAML
/// front matter, so one reader checks both.
///
/// TOMLKit gives no positions for values, so a top-level key's node gets the line where `key =` is written;
/// values inside it share that line.
enum TOMLFrontMatter {
    /// The front matter as a mapping, or `nil` with a located diagnostic when the TOML is not valid.
    static func parse(_ toml: String, file: String, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        do {
            let table = try TOMLTable(string: toml)
            return node(table, line: 1, lines: keyLines(toml))
        } catch let error as TOMLParseError {
            diagnostics.append(.error(
                "front matter is not valid TOML: \(error.description)",
                at: SourceLocation(file: file, line: error.source.begin.line + 1, column: error.source.begin.column),
                hint: "fix the TOML between the `+++` lines, or write the front matter as YAML between `---` lines"))
        } catch {
            diagnostics.append(.error("front matter is not valid TOML: \(error)", at: SourceLocation(file: file, line: 2)))
        }
        return nil
    }

    private static func node(_ value: any TOMLValueConvertible, line: Int, lines: [String: Int] = [:]) -> YAMLNode {
        switch value.type {
        case .table:
            let pairs = (value.table.map { Array($0) } ?? []).map { key, item in
                let keyLine = lines[key] ?? line
                return (key: YAMLNode.scalar(key, line: keyLine, column: 1), value: node(item, line: keyLine))
            }.sorted { ($0.key.line, $0.key.string ?? "") < ($1.key.line, $1.key.string ?? "") }
            return .mapping(pairs, line: line, column: 1)
        case .array:
            return .sequence((value.array.map { Array($0) } ?? []).map { node($0, line: line) }, line: line, column: 1)
        default:
            return .scalar(text(value), line: line, column: 1)
        }
    }

    private static func text(_ value: any TOMLValueConvertible) -> String {
        if let string = value.string { return string }
        if let date = value.date { return isoDate(date) }
        if let dateTime = value.dateTime {
            let time = dateTime.time
            return isoDate(dateTime.date) + "T" + pad(time.hour) + ":" + pad(time.minute) + ":" + pad(time.second)
        }
        if let int = value.int { return String(int) }
        if let bool = value.bool { return String(bool) }
        if let double = value.double { return String(double) }
        return value.debugDescription
    }

    private static func isoDate(_ date: TOMLDate) -> String {
        String(date.year) + "-" + pad(date.month) + "-" + pad(date.day)
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// The 1-based line of each top-level `key = value` (before the first `[table]` header).
    private static func keyLines(_ toml: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        for (index, line) in toml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[") { break }
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            var key = trimmed[..<equals]
            while key.last == " " || key.last == "\t" { key.removeLast() }
            if key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2 { key = key.dropFirst().dropLast() }
            if lines[String(key)] == nil { lines[String(key)] = index + 1 }
        }
        return lines
    }
}
