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
        var counter = WordCounter()
        counter.add(text)
        return counter.count
    }

    /// Counts words (as `wordCount`) over text that arrives in pieces, as if the pieces were joined; so the
    /// count of a page needs no joined copy of its text.
    struct WordCounter {
        private var finished = 0
        private var inWord = false, wordHasAlphanumeric = false

        /// The words counted so far, including a word still open at the end.
        var count: Int { finished + (inWord && wordHasAlphanumeric ? 1 : 0) }

        /// Counts the words of `piece`, continuing a word left open by the previous piece.
        mutating func add(_ piece: String) {
            var piece = piece
            // ASCII fast path with the state in locals; any other byte restarts the piece scalar by scalar.
            var finished = self.finished, inWord = self.inWord, hasAlphanumeric = self.wordHasAlphanumeric
            let ascii = piece.withUTF8 { bytes -> Bool in
                for byte in bytes {
                    switch PlainText.asciiClass[Int(byte)] {
                    case 1:
                        if inWord, hasAlphanumeric { finished &+= 1 }
                        inWord = false
                        hasAlphanumeric = false
                    case 2:
                        inWord = true
                        hasAlphanumeric = true
                    case 0:
                        inWord = true
                    default:
                        return false
                    }
                }
                return true
            }
            if ascii {
                self.finished = finished; self.inWord = inWord; self.wordHasAlphanumeric = hasAlphanumeric
                return
            }
            for scalar in piece.unicodeScalars {
                step(isWhitespace: PlainText.isWhitespace(scalar), isAlphanumeric: PlainText.isAlphanumeric(scalar))
            }
        }

        private mutating func step(isWhitespace: Bool, isAlphanumeric: Bool) {
            if isWhitespace {
                if inWord, wordHasAlphanumeric { finished += 1 }
                inWord = false
                wordHasAlphanumeric = false
            } else {
                inWord = true
                if isAlphanumeric { wordHasAlphanumeric = true }
            }
        }
    }

    private static func words(in text: String) -> [Substring] {
        text.unicodeScalars.split(whereSeparator: isWhitespace).map { Substring($0) }
    }

    /// Byte classes for counting words: 0 other ASCII, 1 whitespace, 2 letter or digit, 3 not ASCII.
    fileprivate static let asciiClass: [UInt8] = (0..<256).map { byte -> UInt8 in
        guard byte < 0x80 else { return 3 }
        let scalar = Unicode.Scalar(UInt8(byte))
        return isWhitespace(scalar) ? 1 : isAlphanumeric(scalar) ? 2 : 0
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C
        }
        return scalar.properties.isWhitespace
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
