/// Plain-text results: the joined text, the summary and the word count.
///
/// These run over every word of every page (search index, word counts), so they work on Unicode scalars
/// with an ASCII fast path instead of `Character`, whose grapheme breaking dominated a 10,000-page build.
enum PlainText {
    /// The longest summary, in characters, before it is cut at a word.
    static let summaryLimit = 300

    /// Joins text pieces (`"\n"` ends a block) into lines with single spaces between words
    /// and no empty lines.
    static func joined(_ pieces: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        var pendingSpace = false, pendingNewline = false
        for piece in pieces {
            for scalar in piece.unicodeScalars {
                if scalar == "\n" {
                    pendingNewline = !out.isEmpty
                    pendingSpace = false
                } else if isWhitespace(scalar) {
                    pendingSpace = !out.isEmpty && !pendingNewline
                } else {
                    if pendingNewline { out.append(0x0A) } else if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    pendingNewline = false
                    if scalar.isASCII { out.append(UInt8(scalar.value)) } else { out.append(contentsOf: UTF8.encode(scalar)!) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with runs of whitespace as single spaces, cut at a word before `summaryLimit` with "…".
    static func summary(_ text: String) -> String {
        var summary = ""
        var length = 0
        for word in words(in: text) {
            let wordLength = word.count
            let next = length == 0 ? wordLength : length + 1 + wordLength
            if next > summaryLimit {
                if length == 0 { summary = String(word.prefix(summaryLimit)) }
                return summary + "…"
            }
            if length > 0 { summary += " " }
            summary += word
            length = next
        }
        return summary
    }

    /// Words: whitespace-separated runs that hold at least one letter or digit.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false, wordHasAlphanumeric = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if inWord, wordHasAlphanumeric { count += 1 }
                inWord = false
                wordHasAlphanumeric = false
            } else {
                inWord = true
                if !wordHasAlphanumeric, isAlphanumeric(scalar) { wordHasAlphanumeric = true }
            }
        }
        if inWord, wordHasAlphanumeric { count += 1 }
        return count
    }

    private static func words(in text: String) -> [Substring] {
        text.unicodeScalars.split(whereSeparator: isWhitespace).map { Substring($0) }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C
        }
        return scalar.properties.isWhitespace
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
