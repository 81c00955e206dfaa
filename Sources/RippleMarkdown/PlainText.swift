/// Plain-text results: the joined text, the summary and the word count.
enum PlainText {
    /// The longest summary, in characters, before it is cut at a word.
    static let summaryLimit = 300

    /// Joins text pieces (`"\n"` ends a block) into lines with single spaces between words
    /// and no empty lines.
    static func joined(_ pieces: [String]) -> String {
        pieces.joined()
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// `text` with runs of whitespace as single spaces, cut at a word before `summaryLimit` with "…".
    static func summary(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        var summary = ""
        for word in words {
            let next = summary.isEmpty ? String(word) : summary + " " + word
            if next.count > summaryLimit {
                if summary.isEmpty { summary = String(word.prefix(summaryLimit)) }
                return summary + "…"
            }
            summary = next
        }
        return summary
    }

    /// Words: whitespace-separated runs that hold at least one letter or digit.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count { word in
            word.contains { $0.isLetter || $0.isNumber }
        }
    }
}
