/// Turns one document's text into term numbers: the document's distinct terms are numbered in the order they
/// are first met. The rules are `SearchText`'s; ASCII words (nearly all of them) are folded, checked against the
/// stop words and stemmed as bytes, and every distinct word is looked up once per document.
struct SearchAnalyser {
    /// Folded words met so far, each with its number: short ASCII words packed, the others (longer words and
    /// runs holding non-ASCII bytes) as bytes. Word `w`'s terms are `wordTerms[wordTermStarts[w]..<wordTermStarts[w + 1]]`.
    private var shortWords = ShortWordTable(capacity: 512)
    private var longWords = ByteTable(capacity: 128)
    private var longWordNumbers: [Int32] = []
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

    /// Byte classes for the word scanner: 0 separates words; bit 0 is a word byte, bit 0x20 an ASCII capital
    /// (or-ed into the byte, it lower-cases it), bit 0x80 a non-ASCII byte.
    private static let classes: [UInt8] = (0...255).map { b -> UInt8 in
        switch UInt8(b) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): 0x01
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 0x21
        case 0x80...: 0x81
        default: 0
        }
    }

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
        Self.classes.withUnsafeBufferPointer { classes in
            let n = text.count
            var i = 0
            while i < n {
                guard classes[Int(text[i])] != 0 else { i &+= 1; continue }
                let start = i
                var flags: UInt8 = 0
                var packed: UInt64 = 0
                var shift: UInt64 = 0
                while i < n {
                    let b = text[i]
                    let c = classes[Int(b)]
                    if c == 0 { break }
                    flags |= c
                    if shift < 64 { packed |= UInt64(b | (c & 0x20)) &<< shift }
                    shift &+= 8
                    i &+= 1
                }
                let length = i - start
                let ascii = flags & 0x80 == 0
                if ascii, length < 2 || length >= SearchText.maxLength { continue }
                let key = UnsafeBufferPointer(rebasing: text[start..<i])
                let known: Int
                if ascii, length <= 8 {
                    if let found = shortWords.find(packed) {
                        known = Int(found)
                    } else {
                        known = learn(key, ascii: true, lowering: flags & 0x20 != 0)
                        shortWords.insert(packed, value: Int32(known))
                    }
                } else {
                    let lowering = flags & 0x20 != 0
                    var h = ByteTable.seed
                    for b in key { h = ByteTable.mix(h, lowering && (b &- UInt8(ascii: "A")) < 26 ? b | 0x20 : b) }
                    if let found = longWords.find(key, hash: ByteTable.finish(h), lowering: lowering) {
                        known = Int(longWordNumbers[found])
                    } else {
                        known = learn(key, ascii: ascii, lowering: lowering)
                        _ = word.withUnsafeBufferPointer { longWords.insert($0) }
                        longWordNumbers.append(Int32(known))
                    }
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
    }

    /// Works out the terms of a new word (`key` lower-cased when `lowering`) and numbers it; `word` then holds
    /// the folded word. ASCII words are stemmed as bytes, others go through `SearchText`.
    private mutating func learn(_ key: UnsafeBufferPointer<UInt8>, ascii: Bool, lowering: Bool) -> Int {
        word.removeAll(keepingCapacity: true)
        if lowering {
            for b in key { word.append((b &- UInt8(ascii: "A")) < 26 ? b | 0x20 : b) }
        } else {
            word.append(contentsOf: key)
        }
        if ascii {
            if word.withUnsafeBufferPointer({ Self.stopWords.find($0) }) == nil {
                stemmed.removeAll(keepingCapacity: true)
                stemmed.append(contentsOf: word)
                Self.stem(&stemmed)
                let id = stemmed.withUnsafeBufferPointer { number(ofTerm: $0) }
                wordTerms.append(id)
            }
        } else {
            for term in SearchText.words(String(decoding: word, as: UTF8.self)).compactMap(SearchText.term) {
                var term = term
                let id = term.withUTF8 { number(ofTerm: $0) }
                wordTerms.append(id)
            }
        }
        wordTermStarts.append(Int32(wordTerms.count))
        return wordTermStarts.count - 2
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
