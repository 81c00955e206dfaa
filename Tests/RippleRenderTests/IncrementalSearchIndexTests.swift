import Foundation
import Testing
import RippleRender
import RippleTestSupport

/// The chunked incremental search index against a full write: the same files after every change, and only the
/// chunks whose pages changed merged again.
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

        var document: AnalysedDocument {
            SearchIndex.analyse(SearchDocument(title: title, url: url, sections: ReferenceSearchHTML.sections(of: html)))
        }
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

    /// Expects the incremental index to give the full write's files (and to have merged `merged` again, when set).
    static func check(_ index: IncrementalSearchIndex, _ pages: [Page], merged: [Int]? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let documents = pages.map { PackedDocument($0.document) }
        let files = index.files(documents), expected = SearchIndexFiles.files(documents, size: 4)
        #expect(files.map(\.path) == expected.map(\.path), sourceLocation: sourceLocation)
        for (file, full) in zip(files, expected) {
            SearchIndexDifferentialTests.expectSame(file.bytes, full.bytes, sourceLocation: sourceLocation)
        }
        if let merged { #expect(index.lastMerged == merged, sourceLocation: sourceLocation) }
    }

    @Test func aOnePageEditMergesOneChunk() {
        var g = SeededRandom(seed: 7)
        var pages = (0..<30).map { Self.page(&g, $0) }
        let index = IncrementalSearchIndex(pagesPerChunk: 4)
        Self.check(index, pages, merged: Array(0..<8))
        Self.check(index, pages, merged: [])  // no change

        pages[5].sections[0].text += " Edit 900 for the benchmark."
        Self.check(index, pages, merged: [1])
        pages[5].title = "A new title"
        pages[29].sections[0].text += " zebra"
        Self.check(index, pages, merged: [1, 7])
        pages[12].sections.append(("A new section", "with new words"))
        Self.check(index, pages, merged: [3])
        pages.append(Self.page(&g, 30))  // the last chunk had two pages
        Self.check(index, pages, merged: [7])
        pages.append(Self.page(&g, 31))
        Self.check(index, pages, merged: [7])
        pages.append(Self.page(&g, 32))  // a chunk more
        Self.check(index, pages, merged: [8])
        pages.insert(Self.page(&g, 33), at: 21)  // shifts the pages after it
        Self.check(index, pages, merged: [5, 6, 7, 8])
        pages.removeLast(7)
        Self.check(index, pages, merged: [6])
        pages.removeAll()
        Self.check(index, pages, merged: [])
        #expect(index.files([]).map(\.path) == ["search-index.js"])
    }

    /// A new process (`ripple build --incremental`) gets the digests from the cache and reads unchanged chunks back
    /// from the output; a chunk it cannot read back (gone, or not what was written) is merged again.
    @Test func restoredDigestsMergeOnlyWhatChangedOrCannotBeRead() {
        var g = SeededRandom(seed: 11)
        var pages = (0..<30).map { Self.page(&g, $0) }
        let first = IncrementalSearchIndex(pagesPerChunk: 4)
        let written = Dictionary(uniqueKeysWithValues: first.files(pages.map { PackedDocument($0.document) }).map { ($0.path, $0.bytes) })

        let restored = IncrementalSearchIndex(pagesPerChunk: 4)
        restored.restore(digests: first.digests) { k in k == 6 ? nil : written[SearchIndexFiles.chunkPath(k)] }
        pages[9].sections[0].text += " a restored edit"
        Self.check(restored, pages, merged: [2, 6])
        Self.check(restored, pages, merged: [])  // then as usual, from memory

        let empty = IncrementalSearchIndex(pagesPerChunk: 4)
        empty.restore(digests: []) { _ in nil }
        Self.check(empty, pages, merged: Array(0..<8))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditsGiveTheSameFiles(seed: UInt64) {
        var g = SeededRandom(seed: seed)
        var pages = (0..<30).map { Self.page(&g, $0) }
        let index = IncrementalSearchIndex(pagesPerChunk: 4)
        Self.check(index, pages)
        for step in 0..<50 {
            switch g.next(20) {
            case 0: pages.insert(Self.page(&g, 100 + step), at: g.next(pages.count + 1))
            case 1: if pages.count > 1 { pages.remove(at: g.next(pages.count)) }
            case 2: if pages.count > 1 { pages.swapAt(g.next(pages.count), g.next(pages.count)) }
            case 3: let k = g.next(pages.count); pages[k].sections.append((Self.text(&g, words: 2), Self.text(&g, words: 5)))
            case 4: break
            case 5: pages[g.next(pages.count)].title = Self.text(&g, words: 1 + g.next(3))
            default:
                let k = g.next(pages.count), s = g.next(pages[k].sections.count)
                switch g.next(3) {
                case 0: pages[k].sections[s].text += " " + Self.text(&g, words: 1 + g.next(3)) + " unique\(step)"
                case 1: pages[k].sections[s].text = Self.text(&g, words: g.next(6))
                default: pages[k].sections[s].heading = Self.text(&g, words: g.next(3))
                }
            }
            Self.check(index, pages)
        }
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
        var first: [(path: String, bytes: [UInt8])] = []
        let initial = clock.measure { first = index.files(documents.map(PackedDocument.init)) }
        documents[4_321].terms.append("edit901")
        documents[4_321].sections[2].body.append(Int32(documents[4_321].terms.count - 1))
        var full: [(path: String, bytes: [UInt8])] = [], edited: [(path: String, bytes: [UInt8])] = []
        let packed = documents.map(PackedDocument.init)
        let fullTime = clock.measure { full = SearchIndexFiles.files(packed) }
        let editTime = clock.measure { edited = index.files(packed) }
        #expect(index.lastMerged == [4_321 / SearchIndexFiles.pagesPerChunk])
        #expect(edited.map(\.bytes) == full.map(\.bytes))
        print("search bench: \(first.reduce(0) { $0 + $1.bytes.count }) bytes in \(first.count) files; first call \(initial); full write \(fullTime); one chapter edited \(editTime)")
    }
}
