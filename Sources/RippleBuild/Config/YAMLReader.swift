import RippleCore
import Yams

/// Reads YAML into Yams nodes and typed values, turning every problem into a located diagnostic.
///
/// Shared by `ripple.yaml` and front matter so both report errors the same way.
struct YAMLReader {
    /// Path of the file, for locations.
    let file: String
    /// Lines before the YAML text inside the file (front matter starts after `---`).
    let lineOffset: Int
    /// Problems found so far.
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses one YAML document; nil (with a diagnostic) when it is not valid YAML.
    /// Flat `key: value` documents (most front matter) take a fast path that gives the same result.
    /// Anchors and aliases are refused and size and nesting bounded (`YAMLGuard`) before libyaml composes.
    mutating func parse(_ text: String) -> YAMLNode? {
        if let problem = YAMLGuard.sizeProblem(text) { return refuse(problem) }
        if let simple = SimpleYAML.parse(text) { return simple }
        if let problem = YAMLGuard.check(text) { return refuse(problem) }
        do {
            guard let root = try Yams.compose(yaml: text) else { return nil }
            // The guard refuses anchors; should one slip past its tokenizer, refuse it here before
            // anything walks the (shared, possibly exponential) alias expansion.
            if let anchored = Self.firstAnchored(root) {
                diagnostics.append(.error("'&\(anchored.anchor?.rawValue ?? "")' is a YAML anchor; Ripple reads no anchors (&name) or aliases (*name)",
                                          at: location(anchored.mark), hint: "write the value out in full where it is needed"))
                return nil
            }
            return YAMLNode(root)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
        } catch {
            diagnostics.append(.error("could not read YAML: \(error)", at: SourceLocation(file: file)))
        }
        return nil
    }

    private mutating func refuse(_ problem: YAMLGuard.Problem) -> YAMLNode? {
        diagnostics.append(.error(problem.message, at: SourceLocation(file: file, line: problem.line + lineOffset, column: problem.column),
                                  hint: problem.hint))
        return nil
    }

    /// The first node (in document order) that carries an anchor; never descends into one, so it visits
    /// each node of the text once.
    private static func firstAnchored(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(key) ?? firstAnchored(value) { return found }
            }
        case let .sequence(sequence):
            for item in sequence { if let found = firstAnchored(item) { return found } }
        case .scalar, .alias: break
        }
        return nil
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        let hint = "check the indentation and that every `key: value` pair is on its own line; quote values that contain `:` or `#`"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return .error("invalid YAML: \(what)", at: location(mark), hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                          at: location(context.mark), hint: "keep only one of them")
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file), hint: hint)
        }
    }

    /// The location of a mark inside the file.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The location of a node inside the file.
    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    /// Records a problem.
    mutating func report(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(.error(message, at: location(of: node), hint: hint))
    }

    /// Walks a mapping, calling `body` for each known key and reporting unknown ones.
    mutating func mapping(_ node: YAMLNode, in context: String, keys known: [String],
                          _ body: (inout YAMLReader, String, YAMLNode) -> Void) {
        guard case let .mapping(mapping, _, _) = node else {
            report("\(context) must be a mapping of `key: value` lines", at: node)
            return
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                report("keys in \(context) must be plain words", at: keyNode)
                continue
            }
            if known.contains(key) {
                body(&self, key, value)
            } else {
                var hint = "valid keys here: \(known.joined(separator: ", "))"
                if let guess = Self.closest(to: key, in: known) { hint = "did you mean '\(guess)'? " + hint }
                report("unknown key '\(key)' in \(context)", at: keyNode, hint: hint)
            }
        }
    }

    /// A string value (any scalar); nil and a diagnostic for lists and mappings.
    mutating func string(_ node: YAMLNode, key: String) -> String? {
        guard let text = node.string else {
            report("'\(key)' must be a single value, not a list or mapping", at: node)
            return nil
        }
        return text
    }

    /// A boolean (`true`/`false`).
    mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
        guard let text = string(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report("'\(key)' must be true or false, not '\(text)'", at: node)
            return nil
        }
    }

    /// An integer, optionally within a range.
    mutating func int(_ node: YAMLNode, key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string(node, key: key) else { return nil }
        guard let value = Int(text) else {
            report("'\(key)' must be a whole number, not '\(text)'", at: node)
            return nil
        }
        if let range, !range.contains(value) {
            report("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)", at: node)
            return nil
        }
        return value
    }

    /// A number.
    mutating func double(_ node: YAMLNode, key: String) -> Double? {
        guard let text = string(node, key: key) else { return nil }
        guard let value = Double(text), value.isFinite else {
            report("'\(key)' must be a number, not '\(text)'", at: node)
            return nil
        }
        return value
    }

    /// A date `YYYY-MM-DD`, optionally within a range.
    mutating func day(_ node: YAMLNode, key: String, in range: ClosedRange<Day>? = nil) -> Day? {
        guard let text = string(node, key: key) else { return nil }
        guard let day = Day(iso: text) else {
            report("'\(key)' must be a date like 2026-03-31, not '\(text)'", at: node, hint: "write dates as YYYY-MM-DD")
            return nil
        }
        if let range, !range.contains(day) {
            report("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(day)", at: node)
            return nil
        }
        return day
    }

    /// One of a fixed set of words.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, key: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, key: key) else { return nil }
        if let value = T(rawValue: text) { return value }
        report("'\(key)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'", at: node)
        return nil
    }

    /// The known word nearest to a misspelt one, when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(1, word.count / 3) else { return nil }
        return best
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
