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
    /// Per term, the round that last took it (see `startRound`). Owned here, freed by `release`.
    private var marks: UnsafeMutablePointer<UInt32>
    private var marksCapacity = 512
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

    init() {
        marks = .allocate(capacity: marksCapacity)
        marks.initialize(repeating: 0, count: marksCapacity)
    }

    /// Frees the marks; the analyser is not used after this.
    func release() { marks.deallocate() }

    /// The document's terms as strings, by number.
    var termStrings: [String] {
        (0..<terms.count).map { String(decoding: terms.key($0), as: UTF8.self) }
    }

    /// Starts a new set of distinct terms for `collect`.
    mutating func startRound() {
        round &+= 1
        if round == 0 {  // wrapped: forget every mark
            marks.update(repeating: 0, count: marksCapacity)
            round = 1
        }
    }

    /// Counts `ids` as taken in this round.
    mutating func take(_ ids: [Int32]) {
        for id in ids { marks[Int(id)] = round }
    }

    /// Appends the number of every term of `text` not yet taken in this round, in order of first use.
    mutating func collect(_ text: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        let n = text.count
        var i = 0
        while i < n {
            let first = text[i]
            guard first >= 0x80 || Self.isAlphanumeric(first) else { i += 1; continue }
            let start = i
            var ascii = true, upper = false
            var h = ByteTable.seed
            while i < n {
                var b = text[i]
                if b >= 0x80 {
                    ascii = false
                } else if (b &- UInt8(ascii: "A")) < 26 {
                    upper = true
                    b |= 0x20
                } else if !Self.isAlphanumeric(b) {
                    break
                }
                h = ByteTable.mix(h, b)
                i += 1
            }
            if ascii, i - start < 2 || i - start >= SearchText.maxLength { continue }
            let key = UnsafeBufferPointer(rebasing: text[start..<i])
            let known: Int
            if let found = words.find(key, hash: ByteTable.finish(h), lowering: upper) {
                known = found
            } else if upper {
                word.removeAll(keepingCapacity: true)
                for b in key { word.append((b &- UInt8(ascii: "A")) < 26 ? b | 0x20 : b) }
                let lowered = word
                known = lowered.withUnsafeBufferPointer { learn($0, ascii: ascii) }
            } else {
                known = learn(key, ascii: ascii)
            }
            var k = Int(wordTermStarts[known])
            let end = Int(wordTermStarts[known + 1])
            while k < end {
                let id = Int(wordTerms[k])
                if marks[id] != round {
                    marks[id] = round
                    ids.append(Int32(id))
                }
                k += 1
            }
        }
    }

    /// Works out the terms of a new folded word (ASCII words as bytes, others through `SearchText`).
    private mutating func learn(_ key: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int {
        if ascii {
            if Self.stopWords.find(key) == nil {
                stemmed.removeAll(keepingCapacity: true)
                stemmed.append(contentsOf: key)
                Self.stem(&stemmed)
                let id = stemmed.withUnsafeBufferPointer { number(ofTerm: $0) }
                wordTerms.append(id)
            }
        } else {
            for term in SearchText.words(String(decoding: key, as: UTF8.self)).compactMap(SearchText.term) {
                var term = term
                let id = term.withUTF8 { number(ofTerm: $0) }
                wordTerms.append(id)
            }
        }
        wordTermStarts.append(Int32(wordTerms.count))
        return words.insert(key).number
    }

    private mutating func number(ofTerm term: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (number, inserted) = terms.insert(term)
        if inserted, number == marksCapacity {
            let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: marksCapacity * 2)
            bigger.update(from: marks, count: marksCapacity)
            (bigger + marksCapacity).initialize(repeating: 0, count: marksCapacity)
            marks.deallocate()
            marks = bigger
            marksCapacity *= 2
        }
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
