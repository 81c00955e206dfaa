import Foundation
import Testing
import RippleRender
import RippleTestSupport

/// The patched search index against a full merge: the same bytes after every change, and the changes that
/// should patch do patch.
@Suite struct IncrementalSearchIndexTests {

    /// A page of the guide: a title and sections of text (the first before any heading).
    struct Page {
        var title: String
        var url: String
        var sections: [(heading: String, text: String)]

        var html: String {
            sections.enumerated().map { k, section in
                (k == 0 ? "" : "<h2 id=\"s\(k)\">\(section.heading)</h2>") + "<p>\(section.text)</p>\n"
            }.joined()
        }

        var document: AnalysedDocument { SearchIndex.analyse(title: title, url: url, html: html) }
    }

    /// Words with the awkward cases: numbers, non-ASCII, byte strings that compare equal (`café` composed and
    /// decomposed, the Kelvin sign and `K`), characters that need escaping.
    static let words = [
        "mentor", "mentors", "mentoring", "session", "sessions", "goal", "goals", "the", "and", "2026", "q3", "42",
        "900", "3.14", "café", "cafe\u{301}", "naïve", "über", "straße", "漢字", "テスト", "👍", "σίσυφος", "Kelvin",
        "\u{212A}elvin", "ǅemal", "\"quoted\"", "a&amp;b", "&lt;tag&gt;", "back\\slash", "x\u{2028}y", "e-mail",
        "don't", "résumé", "re\u{301}sume\u{301}", "İstanbul", "coöperation", "ﬁnance", "１２３", "ß",
    ]

    static func text(_ g: inout SeededRandom, words count: Int) -> String {
        (0..<count).map { _ in g.pick(words) }.joined(separator: " ")
    }

    static func page(_ g: inout SeededRandom, _ k: Int) -> Page {
        let sections = (0..<(1 + g.next(4))).map { _ in (text(&g, words: 1 + g.next(3)), text(&g, words: 3 + g.next(30))) }
        return Page(title: text(&g, words: 1 + g.next(4)), url: "guide/c\(k)/index.html", sections: sections)
    }

    /// Expects the incremental index to give the full merge's bytes (and to have patched, when `patched` is set).
    static func check(_ index: IncrementalSearchIndex, _ pages: [Page], patched: Bool? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let documents = pages.map(\.document)
        SearchIndexDifferentialTests.expectSame(index.javaScriptBytes(documents), SearchIndex(analysed: documents).javaScriptBytes,
                                                sourceLocation: sourceLocation)
        if let patched { #expect(index.lastCallPatched == patched, sourceLocation: sourceLocation) }
    }

    @Test func changesGiveTheSameIndexAsAFullMerge() {
        var g = SeededRandom(seed: 7)
        var pages = (0..<30).map { Self.page(&g, $0) }
        let index = IncrementalSearchIndex()
        Self.check(index, pages, patched: false)
        Self.check(index, pages, patched: true)  // no change

        pages[3].sections[0].text += " Edit 900 for the benchmark."
        Self.check(index, pages, patched: true)
        pages[3].sections[0].text = pages[3].sections[0].text.replacingOccurrences(of: "Edit 900", with: "Edit 901")
        Self.check(index, pages, patched: true)
        pages[3].sections[0].text += " zyzzyvaunique"  // a new term at the end of the sorted terms
        Self.check(index, pages, patched: true)
        pages[3].sections[0].text += " aaaafirst 0000"  // new terms at the start
        Self.check(index, pages, patched: true)
        pages[3].sections[0].text = "mentor"  // the last occurrence of several terms goes
        Self.check(index, pages, patched: true)
        pages[5].title = "A new title with naïve 漢字 words"
        Self.check(index, pages, patched: true)
        pages[7].sections[1 % pages[7].sections.count].heading = "Heading “café” <b>"
        Self.check(index, pages, patched: true)
        pages[8].sections[0].text += " newword1"
        pages[20].sections[0].text += " newword1 newword2"  // two pages, one new term shared
        Self.check(index, pages, patched: true)
        pages[8].sections[0].text = "only"
        pages[20].sections[0].text = "only"
        Self.check(index, pages, patched: true)
        pages[9].url = "guide/moved/index.html"
        Self.check(index, pages, patched: true)
        pages[9].sections.append(("Added section", "with new text sectionadded"))  // section numbers shift
        Self.check(index, pages, patched: false)
        pages[10].title = "cafe\u{301} naïve"  // a byte string comparing equal to one the index holds
        Self.check(index, pages)
        pages[10].title = "plain"
        Self.check(index, pages)
        pages.append(Self.page(&g, 30))
        Self.check(index, pages, patched: false)
        pages.remove(at: 2)
        Self.check(index, pages, patched: false)
        pages.swapAt(4, 5)
        Self.check(index, pages)
        pages.reverse()
        Self.check(index, pages, patched: false)
        pages[0].sections = [("", "")]
        Self.check(index, pages)
        Self.check(index, [])
        Self.check(index, [pages[0]])
        Self.check(index, [Page(title: "t", url: "u", sections: [("", "only words")])], patched: true)
        Self.check(index, [Page(title: "", url: "u", sections: [("", "")])], patched: true)  // every term goes
        Self.check(index, [Page(title: "back", url: "u", sections: [("", "again")])], patched: true)
    }

    @Test func composedAndDecomposedTermsMergeAsInAFullMerge() {
        let index = IncrementalSearchIndex()
        var pages = (0..<10).map { Page(title: "p\($0)", url: "p\($0).html", sections: [("", "shared words \($0)")]) }
        Self.check(index, pages)
        for (k, text) in [(2, "café"), (6, "cafe\u{301}"), (2, "other"), (6, "cafe\u{301} more"), (1, "café"), (6, "plain"),
                          (1, "\u{212A}elvin"), (3, "kelvin"), (1, "none")] {
            pages[k].sections[0].text = text
            Self.check(index, pages)
        }
    }

    /// `analyse` folds accents away, so only hand-made documents have terms that are different byte strings
    /// comparing equal (the first met stands for them all), or terms neither their title nor a section holds.
    @Test(arguments: [21, 22, 23, 24] as [UInt64])
    func handMadeDocumentsWithEqualComparingTermsGiveTheSameIndex(seed: UInt64) {
        var g = SeededRandom(seed: seed)
        let vocabulary = ["café", "cafe\u{301}", "k", "\u{212A}", "ω", "\u{2126}", "a\u{323}\u{302}", "a\u{302}\u{323}", "plain",
                          "zeta", "42", "é", "e\u{301}", "other"] + (0..<30).map { "w\($0)" }
        func document(_ k: Int, unused: Bool) -> AnalysedDocument {
            var terms: [String] = []
            for word in (0..<(1 + g.next(5))).map({ _ in g.pick(vocabulary) }) where !terms.contains(where: { $0.utf8.elementsEqual(word.utf8) }) {
                terms.append(word)
            }
            let count = Int32(terms.count)
            func some() -> [Int32] { (0..<count).filter { _ in g.next(2) == 0 } }
            let sections = (0..<(1 + k % 3)).map { s in
                AnalysedDocument.Section(id: s == 0 ? "" : "s\(s)", heading: "h\(g.next(3))", snippet: "text \(g.next(5))", body: some(), head: [])
            }
            var document = AnalysedDocument(title: "t\(g.next(3))", url: "p\(k).html", sections: sections, terms: terms, titleTerms: some())
            if !unused {  // every term used somewhere, as `analyse` makes them
                let used = Set(document.titleTerms + sections.flatMap(\.body))
                document.sections[0].body += (0..<count).filter { !used.contains($0) }
            }
            for s in document.sections.indices { document.sections[s].head = document.sections[s].body.filter { _ in g.next(3) == 0 } }
            return document
        }
        var documents = (0..<12).map { document($0, unused: false) }
        let index = IncrementalSearchIndex()
        var patches = 0
        for step in 0..<60 {
            let expected = SearchIndex(analysed: documents).javaScriptBytes
            SearchIndexDifferentialTests.expectSame(index.javaScriptBytes(documents), expected)
            if index.lastCallPatched { patches += 1 }
            for _ in 0..<(1 + g.next(2)) {
                let k = g.next(documents.count)
                documents[k] = document(k, unused: step >= 50 && g.next(2) == 0)
            }
        }
        #expect(patches > 5)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditsGiveTheSameIndex(seed: UInt64) {
        var g = SeededRandom(seed: seed)
        var pages = (0..<30).map { Self.page(&g, $0) }
        let index = IncrementalSearchIndex()
        Self.check(index, pages)
        var patches = 0
        for step in 0..<50 {
            switch g.next(20) {
            case 0: pages.insert(Self.page(&g, 100 + step), at: g.next(pages.count + 1))
            case 1: if pages.count > 1 { pages.remove(at: g.next(pages.count)) }
            case 2: if pages.count > 1 { pages.swapAt(g.next(pages.count), g.next(pages.count)) }
            case 3: let k = g.next(pages.count); pages[k].sections.append((Self.text(&g, words: 2), Self.text(&g, words: 5)))
            case 4: break
            case 5: pages[g.next(pages.count)].title = Self.text(&g, words: 1 + g.next(3))
            default:
                for _ in 0..<(1 + g.next(2)) {
                    let k = g.next(pages.count), s = g.next(pages[k].sections.count)
                    switch g.next(3) {
                    case 0: pages[k].sections[s].text += " " + Self.text(&g, words: 1 + g.next(3)) + " unique\(step)"
                    case 1: pages[k].sections[s].text = Self.text(&g, words: g.next(6))
                    default: pages[k].sections[s].heading = Self.text(&g, words: g.next(3))
                    }
                }
            }
            Self.check(index, pages)
            if index.lastCallPatched { patches += 1 }
        }
        #expect(patches > 25)
    }

    /// Timing on a guide of 10,000 synthetic chapters (about 12 sections of 80 words each, from 10,000 words),
    /// one chapter gaining a unique term; run with `RIPPLE_SEARCH_BENCH=1`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RIPPLE_SEARCH_BENCH"] != nil))
    func benchmark() {
        var g = SeededRandom(seed: 42)
        let vocabulary = (0..<10_000).map { "w\(String($0, radix: 36))x" }
        func word() -> Int {  // roughly Zipf: log-uniform ranks
            Int(pow(10_000.0, Double(g.next(1 << 20)) / Double(1 << 20))) - 1
        }
        var documents: [AnalysedDocument] = (0..<10_000).map { k in
            var terms: [String] = [], numbers: [Int: Int32] = [:]
            func number(_ w: Int) -> Int32 {
                if let n = numbers[w] { return n }
                numbers[w] = Int32(terms.count); terms.append(vocabulary[w]); return Int32(terms.count - 1)
            }
            let title = (0..<3).map { _ in word() }
            let sections = (0..<(6 + g.next(13))).map { s in
                let head = s == 0 ? [] : Array(Set((0..<3).map { _ in number(word()) })).sorted()
                let body = Array(Set(head + (0..<80).map { _ in number(word()) })).sorted()
                return AnalysedDocument.Section(id: s == 0 ? "" : "section-\(s)", heading: s == 0 ? "" : "Heading \(s) of chapter \(k)",
                                                snippet: String(repeating: "Some words of the chapter text ", count: 4), body: body, head: head)
            }
            let titleTerms = Array(Set(title.map(number))).sorted()
            return AnalysedDocument(title: title.map { vocabulary[$0] }.joined(separator: " "), url: "guide/chapter-\(k)/index.html",
                                    sections: sections, terms: terms, titleTerms: titleTerms)
        }
        let clock = ContinuousClock()
        let index = IncrementalSearchIndex()
        var first: [UInt8] = []
        let initial = clock.measure { first = index.javaScriptBytes(documents) }
        documents[4_321].terms.append("edit901")
        documents[4_321].sections[2].body.append(Int32(documents[4_321].terms.count - 1))
        var full: [UInt8] = [], patched: [UInt8] = []
        let fullTime = clock.measure { full = SearchIndex(analysed: documents).javaScriptBytes }
        let patchTime = clock.measure { patched = index.javaScriptBytes(documents) }
        #expect(index.lastCallPatched)
        #expect(patched == full)
        var again: [Duration] = []
        for edit in 902..<908 {  // the last unique term goes, a new one comes
            documents[4_321].terms[documents[4_321].terms.count - 1] = "edit\(edit)"
            again.append(clock.measure { patched = index.javaScriptBytes(documents) })
            #expect(index.lastCallPatched)
        }
        #expect(patched == SearchIndex(analysed: documents).javaScriptBytes)
        print("search bench: \(first.count) bytes; first call (full merge + layout) \(initial); full merge + javaScriptBytes \(fullTime); incremental \(patchTime), then \(again)")
    }
}
