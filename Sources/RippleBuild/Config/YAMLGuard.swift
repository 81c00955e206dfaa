/// Checks YAML text before libyaml composes it: refuses anchors (`&name`) and aliases (`*name`) and
/// bounds the size and nesting of the document.
///
/// `ripple.yaml` and front matter have no use for repeated blocks, and aliases are what a "billion
/// laughs" document multiplies: nine nested levels of nine aliases in 700 bytes expand to 387 million
/// nodes (libyaml shares them, but walking, converting or hashing them — a complex key — does not).
/// Refusing them up front keeps reading linear in the text. The scan is a small YAML tokenizer: it
/// skips comments, quoted scalars, block scalars and plain text, and looks for `&`/`*` only where a
/// node may start, so `Q&A` or `R & D` in a value are text. O(n) in the length of the text.
enum YAMLGuard {
    /// The largest YAML document read: ripple.yaml or one file's front matter (1 MiB).
    static let maxBytes = 1 << 20
    /// The deepest nesting of mappings and lists (ripple.yaml needs 4).
    static let maxDepth = 64

    /// A problem found, at a 1-based line and column (in Unicode scalars) of the YAML text.
    struct Problem: Equatable {
        var message: String
        var line: Int
        var column: Int
        var hint: String
    }

    /// A problem when the text is too long to be read at all (checked before any parsing).
    static func sizeProblem(_ text: String) -> Problem? {
        guard text.utf8.count > maxBytes else { return nil }
        return Problem(message: "the YAML is \(text.utf8.count) bytes long; Ripple reads at most \(maxBytes) bytes",
                       line: 1, column: 1, hint: "keep settings and front matter short; put long text in the page itself")
    }

    /// The first problem of a YAML text, nil when libyaml may compose it.
    static func check(_ text: String) -> Problem? {
        if let problem = sizeProblem(text) { return problem }
        var scanner = Scanner()
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            if let problem = scanner.scan(Array(line.unicodeScalars), line: number) { return problem }
        }
        return nil
    }

    /// The tokenizer's state across lines.
    private struct Scanner {
        /// Indentation of the line that opened a block scalar (`|`, `>`) while inside one.
        var blockScalarIndent: Int?
        /// The quote character of a quoted scalar that continues on the next line.
        var openQuote: Unicode.Scalar?
        /// Indentation of the line whose plain scalar may continue on more-indented lines.
        var plainIndent: Int?
        var flowDepth = 0
        /// Whether a node may start at the next token (carried across lines inside `[ ]` and `{ }`).
        var expectNode = true
        /// Columns of the open block collections, for the nesting bound.
        var blocks: [Int] = []

        mutating func scan(_ s: [Unicode.Scalar], line: Int) -> Problem? {
            var indent = 0
            while indent < s.count, s[indent] == " " { indent += 1 }
            let blank = indent == s.count || s[indent] == "#"
            if let open = blockScalarIndent {
                if blank || indent > open { return nil }
                blockScalarIndent = nil
            }
            var i = 0
            if let quote = openQuote {
                guard let end = Self.closingQuote(s, from: 0, quote: quote) else { return nil }
                openQuote = nil
                i = end + 1
                expectNode = false
            } else if let plain = plainIndent, flowDepth == 0 {
                if blank || indent > plain { return nil }  // the plain scalar goes on: text, not tokens
                plainIndent = nil
            }
            if flowDepth == 0, !blank, i == 0 {
                while let last = blocks.last, last >= indent { blocks.removeLast() }
                blocks.append(indent)
                expectNode = true
                if s.first == "%" { return nil }  // a directive
            }
            return tokens(s, from: i, line: line, indent: indent)
        }

        private mutating func tokens(_ s: [Unicode.Scalar], from start: Int, line: Int, indent: Int) -> Problem? {
            var i = start
            func spaceOrEnd(_ k: Int) -> Bool { k >= s.count || s[k] == " " || s[k] == "\t" }
            func flowIndicator(_ k: Int) -> Bool { k < s.count && [",", "[", "]", "{", "}"].contains(s[k]) }
            while i < s.count {
                let c = s[i]
                if c == " " || c == "\t" { i += 1; continue }
                if c == "#", i == 0 || s[i - 1] == " " || s[i - 1] == "\t" { return nil }
                if depth > maxDepth {
                    return Problem(message: "the YAML is nested more than \(maxDepth) levels deep", line: line, column: i + 1,
                                   hint: "Ripple's settings are at most a few levels deep; check the indentation and brackets")
                }
                if expectNode, c == "&" || c == "*" {
                    var end = i + 1
                    while end < s.count, !spaceOrEnd(end), !flowIndicator(end) { end += 1 }
                    let token = String(String.UnicodeScalarView(s[i..<end]))
                    let kind = c == "&" ? "anchor" : "alias"
                    return Problem(message: "'\(token)' is a YAML \(kind); Ripple reads no anchors (&name) or aliases (*name)",
                                   line: line, column: i + 1,
                                   hint: "write the value out in full where it is needed; if the \(c) is part of the text, put the value in quotes")
                } else if expectNode, c == "!" {
                    while i < s.count, !spaceOrEnd(i) { i += 1 }
                } else if expectNode, flowDepth == 0, c == "-" || c == "?", spaceOrEnd(i + 1) {
                    if c == "-", i == 0, s.count >= 3, s[1] == "-", s[2] == "-", spaceOrEnd(3) { i = 3; continue }
                    blocks.append(i + 1)
                    i += 1
                } else if expectNode, flowDepth == 0, c == "|" || c == ">" {
                    blockScalarIndent = indent
                    return nil
                } else if expectNode, c == "\"" || c == "'" {
                    guard let end = Self.closingQuote(s, from: i + 1, quote: c) else {
                        openQuote = c
                        return nil
                    }
                    i = end + 1
                    expectNode = false
                } else if c == "[" || c == "{" {
                    flowDepth += 1
                    expectNode = true
                    i += 1
                } else if c == "]" || c == "}" {
                    flowDepth = max(0, flowDepth - 1)
                    expectNode = false
                    i += 1
                } else if c == ",", flowDepth > 0 {
                    expectNode = true
                    i += 1
                } else if c == ":", spaceOrEnd(i + 1) || (flowDepth > 0 && flowIndicator(i + 1)) {
                    expectNode = true
                    i += 1
                } else if !expectNode {
                    i += 1
                } else {
                    // A plain scalar: text up to `: `, ` #`, the end of the line or (in flow) an indicator.
                    i += 1
                    while i < s.count {
                        if s[i] == ":", spaceOrEnd(i + 1) || (flowDepth > 0 && flowIndicator(i + 1)) { break }
                        if s[i] == "#", s[i - 1] == " " || s[i - 1] == "\t" { return nil }
                        if flowDepth > 0, flowIndicator(i) { break }
                        i += 1
                    }
                    expectNode = false
                    if i >= s.count, flowDepth == 0 { plainIndent = indent }
                }
            }
            return nil
        }

        private var depth: Int { blocks.count + flowDepth }

        /// The index of the quote closing a scalar opened before `start`, nil when the line ends first.
        private static func closingQuote(_ s: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar) -> Int? {
            var i = start
            while i < s.count {
                if quote == "\"", s[i] == "\\" { i += 2; continue }
                if s[i] == quote {
                    if quote == "'", i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                    return i
                }
                i += 1
            }
            return nil
        }
    }
}
