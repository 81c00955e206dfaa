/// Finds the link targets of an imported chapter so they can be pointed at their new places: Markdown links and
/// images (`](target)`, `](<target> "title")`), reference definitions (`[id]: target`) and raw HTML `href` and
/// `src` attributes. A textual scan: the chapter is not Ripple's yet (includes are being expanded, its links lead
/// to files that are being moved), so it cannot be rendered to find them.
enum ImportLinks {
    /// `text` with each target `replace` returns a new value for replaced.
    static func rewrite(_ text: String, replace: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let (start, end, angle, isReference) = nextTarget(in: rest) {
            out += rest[..<start]
            let target = String(rest[start..<end])
            if let replacement = replace(target) {
                // A reference definition needs a destination to stay one: `[id]: <>` is an empty one.
                out += isReference && replacement.isEmpty && !angle ? "<>"
                    : angle || !replacement.contains(" ") ? replacement : "<" + replacement + ">"
            } else {
                out += target
            }
            rest = rest[end...]
        }
        return out + rest
    }

    /// `path#fragment` split at its `#`.
    static func split(_ target: String) -> (String, String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.index(after: hash)...]))
    }

    /// The next target's range in `text`, whether it is written in `<…>` and whether it is a reference definition's.
    private static func nextTarget(in text: Substring) -> (Substring.Index, Substring.Index, Bool, Bool)? {
        var search = text.startIndex
        while search < text.endIndex {
            let candidates = [text[search...].firstRange(of: "]("), text[search...].firstRange(of: "href=\""),
                              text[search...].firstRange(of: "src=\""), text[search...].firstRange(of: "]: ")]
                .compactMap { $0 }
            guard let opener = candidates.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
            var start = opener.upperBound
            let isAttribute = text[opener].hasSuffix("\"")
            let isReference = text[opener] == "]: "
            if isReference {
                // Only at the start of a line: `[id]: target`.
                let lineStart = text[..<opener.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                let label = text[lineStart..<opener.lowerBound].drop { $0 == " " }
                // A footnote definition (`[^x]: text`) has text, not a target.
                guard label.hasPrefix("["), !label.hasPrefix("[^") else { search = opener.upperBound; continue }
            }
            var angle = false
            if !isAttribute, start < text.endIndex, text[start] == "<" {
                angle = true
                start = text.index(after: start)
            }
            let stops: Set<Character> = isAttribute ? ["\""] : angle ? [">", "\n"] : [" ", ")", "\n"]
            var end = start
            var depth = 0
            while end < text.endIndex, !(stops.contains(text[end]) && depth == 0) {
                if !isAttribute && !angle && text[end] == "(" { depth += 1 }
                if !isAttribute && !angle && text[end] == ")" { depth -= 1 }
                end = text.index(after: end)
            }
            if end > start { return (start, end, angle, isReference) }
            search = opener.upperBound
        }
        return nil
    }
}
