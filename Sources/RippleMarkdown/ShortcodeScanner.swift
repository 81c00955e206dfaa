/// Finds Hugo-style shortcodes, `{{< name first key=value key="quoted value" >}}`, in a text.
///
/// Quotes may be straight (`"`) or curly (`“ ”`, as smart punctuation produces).
/// A shortcode must end on the same line of text with `>}}`.
struct ShortcodeScanner {
    private let scalars: [Unicode.Scalar]
    private(set) var shortcodes: [Shortcode] = []
    private(set) var problems: [ShortcodeProblem] = []

    /// Whether `text` may contain a shortcode (a cheap check before scanning).
    static func mayContainShortcode(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 2..<bytes.count where bytes[index] == UInt8(ascii: "<")
                && bytes[index - 1] == UInt8(ascii: "{") && bytes[index - 2] == UInt8(ascii: "{") {
                return true
            }
            return false
        }
    }

    /// Scans `scalars` completely.
    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var index = 0
        while let start = find(opener, from: index) {
            index = scan(from: start)
        }
    }

    private let opener: [Unicode.Scalar] = ["{", "{", "<"]
    private let closer: [Unicode.Scalar] = [">", "}", "}"]

    private func find(_ pattern: [Unicode.Scalar], from index: Int) -> Int? {
        var i = index
        while i + 2 < scalars.count {
            if isAt(pattern, i) { return i }
            i += 1
        }
        return nil
    }

    /// Whether the three-scalar `pattern` starts at `i`.
    private func isAt(_ pattern: [Unicode.Scalar], _ i: Int) -> Bool {
        i + 2 < scalars.count && scalars[i] == pattern[0] && scalars[i + 1] == pattern[1] && scalars[i + 2] == pattern[2]
    }

    private static func isQuote(_ s: Unicode.Scalar) -> Bool { s == "\"" || s == "\u{201C}" || s == "\u{201D}" }
    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-"
    }

    /// Reads the shortcode starting at `start`; returns where scanning continues.
    private mutating func scan(from start: Int) -> Int {
        var words: [(key: String?, value: String)] = []
        var i = start + opener.count
        func notClosed() -> Int {
            var shown = String(String(String.UnicodeScalarView(scalars[start..<i]))
                .split(separator: "\n", omittingEmptySubsequences: false)[0]).trimmingWhitespace
            if shown.count > 40 { shown = shown.prefix(40) + "…" }
            problems.append(ShortcodeProblem(
                offset: start, message: "shortcode '\(shown)' is not closed",
                hint: "End the shortcode with '>}}' on the same line and keep Markdown marks such as * and ` "
                    + "out of it, like {{< metric sessions_completed >}}."))
            return start + opener.count
        }
        while true {
            while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
            if i >= scalars.count || isAt(opener, i) { return notClosed() }
            if isAt(closer, i) { break }
            var key: String?
            var word = String.UnicodeScalarView()
            while i < scalars.count, !scalars[i].properties.isWhitespace, scalars[i] != "=", !Self.isQuote(scalars[i]),
                  !isAt(closer, i), !isAt(opener, i) {
                word.append(scalars[i]); i += 1
            }
            if i < scalars.count, scalars[i] == "=" {
                key = String(word); word = String.UnicodeScalarView(); i += 1
                while i < scalars.count, !scalars[i].properties.isWhitespace, !Self.isQuote(scalars[i]),
                      !isAt(closer, i), !isAt(opener, i) {
                    word.append(scalars[i]); i += 1
                }
            }
            if word.isEmpty, i < scalars.count, Self.isQuote(scalars[i]) {
                i += 1
                while i < scalars.count, !Self.isQuote(scalars[i]), scalars[i] != "\n" { word.append(scalars[i]); i += 1 }
                if i >= scalars.count || scalars[i] == "\n" { return notClosed() }
                i += 1
            }
            words.append((key, String(word)))
        }
        let end = i + closer.count
        guard let first = words.first, first.key == nil, !first.value.isEmpty,
              first.value.unicodeScalars.allSatisfy(Self.isNameScalar) else {
            problems.append(ShortcodeProblem(
                offset: start, message: "shortcode has no name",
                hint: "Write the shortcode's name right after '{{<', like {{< metric sessions_completed >}}."))
            return end
        }
        let name = first.value
        var arguments: [String: String] = [:]
        for (position, word) in words.dropFirst().enumerated() {
            let key = word.key ?? ""
            if word.key == nil && position > 0 {
                problems.append(ShortcodeProblem(
                    offset: start, message: "shortcode '\(name)' has more than one value without a name ('\(word.value)')",
                    hint: "Only the first value may go without a name; write the others as name=value, like period=all."))
                return end
            }
            if arguments[key] != nil {
                problems.append(ShortcodeProblem(
                    offset: start, message: "shortcode '\(name)' sets '\(key)' twice",
                    hint: "Keep only one \(key)=… in the shortcode."))
                return end
            }
            arguments[key] = word.value
        }
        shortcodes.append(Shortcode(range: start..<end, name: name, arguments: arguments))
        return end
    }
}
