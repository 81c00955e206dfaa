/// Turns one document's text into term numbers: the document's distinct terms are numbered in the order they
/// are first met. The rules are `SearchText`'s; ASCII words (nearly all of them) are folded, checked against the
/// stop words and stemmed as bytes, and every distinct word is looked up once per document.
struct SearchAnalyser {
    /// Folded words (or runs holding non-ASCII bytes) met so far, each with its terms.
    private var words = ByteTable(capacity: 512)
    private var wordTermStarts: [Int32] = [0]
    private var wordTerms: [Int32] = []
    /// The document's distinct terms.
    private(set) var terms = ByteTable(capacity: 512)
    /// Per term, the round of `distinct` that last took it.
    private var marks: [UInt32] = []
    private var round: UInt32 = 0
    private var word: [UInt8] = []
    private var stemmed: [UInt8] = []

    private static let stopWords: ByteTable = {
        var table = ByteTable(capacity: SearchText.stopWords.count)
        for word in SearchText.stopWords {
            _ = Array(word.utf8).withUnsafeBufferPointer { table.insert($0) }
        }
        return table
    }()

    /// The document's terms as strings, by number.
    var termStrings: [String] {
        (0..<terms.count).map { String(decoding: terms.key($0), as: UTF8.self) }
    }

    /// Appends the term number of every word of `text`, in order, repeats kept.
    mutating func collect(_ text: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        let n = text.count
        var i = 0
        while i < n {
            let first = text[i]
            guard first >= 0x80 || Self.isAlphanumeric(first) else { i += 1; continue }
            word.removeAll(keepingCapacity: true)
            var ascii = true
            while i < n {
                let b = text[i]
                if b >= 0x80 {
                    ascii = false
                    word.append(b)
                } else if Self.isAlphanumeric(b) {
                    word.append(b | 0x20)  // lower-cases letters, keeps digits
                } else {
                    break
                }
                i += 1
            }
            if ascii, word.count < 2 || word.count >= SearchText.maxLength { continue }
            if let known = word.withUnsafeBufferPointer({ words.find($0) }) {
                for k in Int(wordTermStarts[known])..<Int(wordTermStarts[known + 1]) { ids.append(wordTerms[k]) }
                continue
            }
            let start = wordTerms.count
            if ascii {
                if word.withUnsafeBufferPointer({ Self.stopWords.find($0) }) == nil {
                    stemmed.removeAll(keepingCapacity: true)
                    stemmed.append(contentsOf: word)
                    Self.stem(&stemmed)
                    wordTerms.append(stemmed.withUnsafeBufferPointer { number(ofTerm: $0) })
                }
            } else {
                for term in SearchText.words(String(decoding: word, as: UTF8.self)).compactMap(SearchText.term) {
                    var term = term
                    wordTerms.append(term.withUTF8 { number(ofTerm: $0) })
                }
            }
            _ = word.withUnsafeBufferPointer { words.insert($0) }
            wordTermStarts.append(Int32(wordTerms.count))
            ids.append(contentsOf: wordTerms[start...])
        }
    }

    /// The distinct numbers of `ids`, sorted.
    mutating func distinct(_ ids: [Int32]) -> [Int32] {
        round &+= 1
        if round == 0 {  // wrapped: forget every mark
            for k in marks.indices { marks[k] = 0 }
            round = 1
        }
        var result: [Int32] = []
        for id in ids where marks[Int(id)] != round {
            marks[Int(id)] = round
            result.append(id)
        }
        result.sort()
        return result
    }

    private mutating func number(ofTerm term: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (number, inserted) = terms.insert(term)
        if inserted { marks.append(0) }
        return Int32(number)
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b &- UInt8(ascii: "a")) < 26 || (b &- UInt8(ascii: "0")) < 10 || (b &- UInt8(ascii: "A")) < 26
    }

    /// `SearchText.stem` for a lower-case ASCII word.
    static func stem(_ w: inout [UInt8]) {
        var n = w.count
        if n > 4, ends(w, "ies") {
            w.removeLast(3)
            w.append(UInt8(ascii: "y"))
        } else if n > 4, ends(w, "ches") || ends(w, "shes") || ends(w, "sses") || ends(w, "xes") {
            w.removeLast(2)
        } else if n > 3, ends(w, "s"), !ends(w, "ss"), !ends(w, "us"), !ends(w, "is") {
            w.removeLast()
        }
        n = w.count
        if n > 6, ends(w, "ing") {
            w.removeLast(3)
        } else if n > 5, ends(w, "ed") {
            w.removeLast(2)
        }
    }

    private static func ends(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard w.count >= count else { return false }
        let s = suffix.utf8Start
        for k in 0..<count where w[w.count - count + k] != s[k] { return false }
        return true
    }
}
