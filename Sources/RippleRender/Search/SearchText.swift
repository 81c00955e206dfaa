import Foundation

/// How text becomes search terms. `templates/assets/js/search.js` applies exactly the same rules to queries
/// (the stop words travel inside the index), so a change here must be made there too.
///
/// Rules: lower-case; strip accents (NFD, drop U+0300–U+036F); final sigma as sigma; split into runs of letters and digits;
/// drop one-character words, words longer than `maxLength` and stop words; then stem lightly.
package enum SearchText {
    /// Words this long or longer are not indexed (URLs, hashes).
    package static let maxLength = 32

    /// Words too common to help a search. Sorted; written into the index for the browser.
    package static let stopWords: [String] = [
        "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
        "being", "but", "by", "can", "could", "did", "do", "does", "each", "for", "from", "had", "has", "have",
        "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "just", "more", "most", "no", "not",
        "of", "on", "one", "only", "or", "other", "our", "out", "over", "she", "so", "some", "such", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why",
        "will", "with", "would", "you", "your",
    ]

    private static let stopSet = Set(stopWords)

    /// The folded words of `text`, in order, before stop words and stemming (for highlighting and tests).
    package static func words(_ text: String) -> [String] {
        let folded = fold(text)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The index terms of `text`, in order, repeats kept.
    package static func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachTerm(in: text, term: term) { result.append($0) }
        return result
    }

    /// Calls `body` with the term of every word of `text`, in order.
    ///
    /// ASCII words take a fast path over UTF-8 bytes; a word with any other character (and the punctuation
    /// around it, up to the next ASCII separator) goes through `words`, which gives the same result for ASCII.
    private static func forEachTerm(in text: String, term asciiTerm: (String) -> String?, _ body: (String) -> Void) {
        var word: [UInt8] = []
        var ascii = true
        func flush() {
            guard !word.isEmpty else { return }
            let folded = String(decoding: word, as: UTF8.self)
            if ascii {
                if word.count >= 2, word.count < maxLength, let found = asciiTerm(folded) { body(found) }
            } else {
                for found in words(folded).compactMap(term) { body(found) }
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
            case 0x80...: word.append(byte); ascii = false
            default: flush()
            }
        }
        flush()
    }

    /// The term a single folded word becomes, or nil when it is not indexed.
    package static func term(_ word: String) -> String? {
        let length = word.utf16.count
        guard length >= 2, length < maxLength, !stopSet.contains(word) else { return nil }
        return stem(word)
    }

    /// Light English stemming: plurals first, then `-ing` / `-ed`. Lengths count UTF-16 units, as in JavaScript.
    package static func stem(_ word: String) -> String {
        var w = word
        var n = w.utf16.count
        if n > 4, w.hasSuffix("ies") {
            w = String(w.dropLast(3)) + "y"
        } else if n > 4, w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("sses") || w.hasSuffix("xes") {
            w = String(w.dropLast(2))
        } else if n > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            w = String(w.dropLast())
        }
        n = w.utf16.count
        if n > 6, w.hasSuffix("ing") {
            w = String(w.dropLast(3))
        } else if n > 5, w.hasSuffix("ed") {
            w = String(w.dropLast(2))
        }
        return w
    }

    /// Lower-cased, accents removed, final sigma `ς` as `σ` (JavaScript's `toLowerCase` makes a word-final `Σ`
    /// a `ς`, Swift's `lowercased` a `σ`: folding both to `σ` keeps queries and the index in step).
    package static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar.value == 0x3C2 ? "\u{3C3}" : scalar)
        }
        return String(scalars)
    }

    /// Letters and digits (Unicode general categories L* and N*, like JavaScript's `[\p{L}\p{N}]`).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
