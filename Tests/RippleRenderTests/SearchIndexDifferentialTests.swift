import Foundation
import Testing
import RippleCore
import RippleRender
import RippleTestSupport

/// The byte-level search index against the reference implementation it replaced: the same JavaScript, byte for
/// byte, on generated documents full of the awkward cases.
@Suite struct SearchIndexDifferentialTests {
    static let words = [
        "mentor", "Mentors", "MENTORING", "mentees", "the", "The", "and", "it's", "Q3", "2026", "a", "I", "x",
        "matches", "sessions", "goals", "analysis", "process", "meetings", "needed", "bus", "gas", "this", "studies",
        "ies", "ches", "sses", "xes", "boxes", "wishes", "classes", "lies", "being", "sing", "singing", "bed", "seed",
        "speed", "feeds", "needs", "focus", "status", "crisis", "kiss", "dress", "played", "ring", "rings", "thing",
        "abcdefghijklmnopqrstuvwxyzabcdef", "abcdefghijklmnopqrstuvwxyzabcde", "averyveryveryverylongwordthatisover32chars",
        "Café", "café", "CAFÉ", "naïve", "Ångström", "résumé", "Résumés", "coöperation", "e\u{301}te\u{301}", "über",
        "漢字", "テスト", "中文搜索", "한국어", "검색합니다", "👍", "👍🏽", "🇫🇷", "İstanbul", "ıi", "ISTANBUL", "ß", "STRASSE",
        "straße", "ΣΊΣΥΦΟΣ", "σίσυφος", "Ωmega", "ǅemal", "ﬁnance", "Ⅻ", "٣٤", "x²", "ǉubljana", "Kelvin\u{212A}",
        "مرحبا", "שָׁלוֹם", "हिन्दी", "ไทย", "naïve-café", "e-mail", "don't", "co-op", "U.S.A.", "3.14", "100%",
        "a\u{A0}b", "\u{A0}", "—", "–", "…", "“quoted”", "‘single’", "\u{2028}", "\u{2029}", "tab\there", "\u{1}ctl",
        "back\\slash", "\"quotes\"", "<", ">", "&", "a<b", "x>y", "</script>", "\u{FEFF}bom", "\u{200B}zw", "\u{300}",
        "é\u{301}", "ﬀ", "Ａｂｃ", "１２３", "🧑‍🤝‍🧑", "mixedCafé123", "ÀÉÎÕÜ", "ǰ", "ŉ", "İİ", "ΐ",
    ]
    static let entities = [
        "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&hellip;", "&mdash;", "&ndash;", "&lsquo;", "&rsquo;",
        "&ldquo;", "&rdquo;", "&copy;", "&middot;", "&rarr;", "&larr;", "&times;", "&#233;", "&#xE9;", "&#XE9;",
        "&#x1F600;", "&#xD800;", "&#0;", "&#10;", "&#32;", "&#160;", "&#xA0;", "&#x2028;", "&#x110000;", "&#;", "&#x;",
        "&bogus;", "&AMP;", "& ", "&amp", "&#123456789;", "&#xFFFFFFFF;", "&#x#1;", "&toolongentityname;", "&#39;",
        "&#x3C;script&#x3E;", "&#13;&#10;",
    ]
    static let inlineTags = ["em", "strong", "code", "span", "a", "b", "i", "kbd", "mark", "sub", "sup", "time", "wbr"]
    static let blockTags = ["p", "div", "li", "ul", "td", "section", "blockquote", "pre", "br", "hr", "figure", "Pre", "DIV"]

    static func text(_ g: inout SeededRandom, words count: Int) -> String {
        var out = ""
        for _ in 0..<count {
            switch g.next(12) {
            case 0: out += g.pick(entities)
            case 1: out += g.pick([" ", "  ", "\n", "\t", "\r\n", "\u{A0}", ", ", ". ", "-", "/", "_", "'", "\u{0C}"])
            default: out += g.pick(words) + (g.next(4) == 0 ? "" : " ")
            }
        }
        return out
    }

    static func html(_ g: inout SeededRandom) -> String {
        var out = ""
        var sectionCount = 0
        for _ in 0..<g.next(25) {
            switch g.next(22) {
            case 0, 1:
                let level = 1 + g.next(6)
                let h = g.pick(["h", "H"]) + "\(level)"
                sectionCount += 1
                let id = g.pick(["s\(sectionCount)", "why", "a&amp;b", "café", "", "x\"y", "\(sectionCount)-1"])
                let attribute = g.pick(["id=\"\(id)\"", "ID='\(id)'", "class=\"x\" id=\"\(id)\"", "id=\(id.isEmpty ? "z" : id)", "id", "data-id=\"q\"", "id = \"\(id)\""])
                out += "<\(h) \(attribute)>" + text(&g, words: g.next(5))
                if g.next(2) == 0 { out += "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link\">#</a>" }
                if g.next(8) > 0 { out += "</\(h)>" }
            case 2: out += "<h\(1 + g.next(6))>No id " + text(&g, words: 2) + "</h\(1 + g.next(6))>"
            case 3: out += g.pick(["<script>var a = '<h2 id=\"no\">x</h2>'; if (a<b) {}</script>", "<style>p { color: red }</style>",
                                   "<svg><svg><text>inner</text></svg><text>still</text></svg>after", "<noscript>hidden</noscript>",
                                   "<template><p>tpl</p></template>", "<script src=\"x.js\"/>visible", "<SCRIPT>shout()</SCRIPT>",
                                   "</script>stray", "<script>unclosed"])
            case 4: out += g.pick(["<!-- comment <p>x</p> -->", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<!---->", "<!-- unterminated"])
            case 5: out += g.pick(["<a class=\"anchor\" href=\"#x\">#</a>", "<a class=\"btn anchor\">hidden</a>", "<a class='anchor'>", "</a>",
                                   "<a href=\"x\" class=\"anchors\">shown</a>", "<a class=\"anchor&#32;x\">h</a>", "<a class=\"x  anchor\">h</a>",
                                   "<A CLASS=\"anchor\">h</A>", "<a class=\"ancho\u{301}r\">e</a>", "<a class=\"anchor\u{301}\">e</a>"])
            case 6, 7:
                let tag = g.pick(inlineTags)
                out += "<\(tag)>" + text(&g, words: 1 + g.next(3)) + "</\(tag)>"
            case 8, 9, 10:
                let tag = g.pick(blockTags)
                out += "<\(tag) class=\"c\" title='t&amp;t' data-x=y>" + text(&g, words: g.next(60)) + "</\(tag)>"
            case 11: out += text(&g, words: 150 + g.next(100))
            case 12: out += g.pick(["< not a tag", "a < b", "<1>", "</ >", "<", "<a", "<p class=\"x", "<p/>", "<br/>", "<img src=x alt=\"y\">",
                                   "<p data=a/b>", "<p =x>", "<p a='1\"2'>", "<h2 id=\"q\"/>"])
            case 13: out += String(repeating: "word ", count: 23) + "é" + String(repeating: " long", count: 20)
            case 14: out += String(repeating: "x", count: 119) + " " + text(&g, words: 10)
            case 15: out += String(repeating: "ab ", count: 40) + "\u{301}tail" + text(&g, words: 5)
            default: out += "<p>" + text(&g, words: g.next(40)) + "</p>\n"
            }
        }
        return out
    }

    static func corpus(seed: UInt64, count: Int) -> [(title: String, url: String, html: String)] {
        var g = SeededRandom(seed: seed)
        return (0..<count).map { k in
            let title = g.next(6) == 0 ? "" : text(&g, words: 1 + g.next(6))
            return (title, "guide/c\(k)/index.html", g.next(15) == 0 ? "" : html(&g))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func htmlDocumentsGiveTheSameIndex(seed: UInt64) throws {
        let corpus = Self.corpus(seed: seed, count: 60)
        // The index reads no HTML any more: the documents are cut by the reference, and both indexes built from them.
        func document(_ page: (title: String, url: String, html: String)) -> SearchDocument {
            SearchDocument(title: page.title, url: page.url, sections: ReferenceSearchHTML.sections(of: page.html))
        }
        let reference = ReferenceSearchIndex(documents: corpus.map { ReferenceSearchDocument(title: $0.title, url: $0.url, html: $0.html) })
        let expected = Array(reference.javaScript.utf8)
        let analysed = corpus.map { SearchIndex.analyse(document($0)) }
        let fast = SearchIndex(analysed: analysed).javaScriptBytes(chunk: 0)
        Self.expectSame(fast, expected)
        let viaDocuments = SearchIndex(documents: corpus.map(document))
        Self.expectSame(viaDocuments.javaScriptBytes(chunk: 0), expected)
        Self.expectSame(Array(viaDocuments.javaScript(chunk: 0).utf8), expected)
        #expect(viaDocuments.terms.map(\.term) == reference.terms.map(\.term))
        #expect(viaDocuments.terms.map { [$0.body, $0.head, $0.title] } == reference.terms.map { [$0.body, $0.head, $0.title] })
        // Analysed documents survive a round trip through JSON (incremental builds keep them).
        let decoded = try JSONDecoder().decode([AnalysedDocument].self, from: JSONEncoder().encode(analysed))
        #expect(decoded == analysed)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func readyMadeSectionsGiveTheSameIndex(seed: UInt64) {
        var g = SeededRandom(seed: seed)
        var documents: [SearchDocument] = [], references: [ReferenceSearchDocument] = []
        for k in 0..<40 {
            let sections = (0..<g.next(5)).map { s in
                SearchSection(id: s == 0 && g.next(2) == 0 ? "" : "s\(s)", heading: Self.text(&g, words: g.next(4)),
                              text: Self.text(&g, words: g.next(3) == 0 ? 200 : g.next(30)))
            }
            let title = Self.text(&g, words: g.next(5))
            documents.append(SearchDocument(title: title, url: "p\(k).html", sections: sections))
            references.append(ReferenceSearchDocument(title: title, url: "p\(k).html", sections: sections))
        }
        documents.append(SearchDocument(title: "", url: "empty.html", sections: []))
        references.append(ReferenceSearchDocument(title: "", url: "empty.html", sections: []))
        Self.expectSame(SearchIndex(documents: documents).javaScriptBytes(chunk: 0), Array(ReferenceSearchIndex(documents: references).javaScript.utf8))
    }

    @Test func snippetsCountCharacters() {
        let cases = [
            String(repeating: "a", count: 120), String(repeating: "a", count: 121), String(repeating: "ab ", count: 41),
            String(repeating: "a", count: 120) + "\u{301}", String(repeating: "a", count: 119) + "\r\n" + "bb",
            String(repeating: "é", count: 130), String(repeating: "e\u{301}", count: 121), String(repeating: "👍🏽 ", count: 50),
            String(repeating: "x ", count: 60) + "\u{301}\u{301}", "", "short",
        ]
        for text in cases {
            #expect(SearchIndex.snippet(text) == ReferenceSearchIndex.snippet(text))
            let document = SearchDocument(title: "t", url: "u", sections: [SearchSection(id: "", heading: "", text: text)])
            #expect(SearchIndex(documents: [document]).sections.map(\.snippet) == [ReferenceSearchIndex.snippet(text)])
        }
    }

    @Test func emptyInputGivesTheSameIndex() {
        #expect(SearchIndex(documents: []).javaScript(chunk: 0) == ReferenceSearchIndex(documents: []).javaScript)
        #expect(SearchIndex(analysed: [SearchIndex.analyse(SearchDocument(title: "", url: "", sections: []))]).javaScript(chunk: 0)
            == ReferenceSearchIndex(documents: [ReferenceSearchDocument(title: "", url: "", html: "")]).javaScript)
    }

    /// Expects equal outputs, and says where they first differ (the outputs are too long to print whole).
    static func expectSame(_ a: [UInt8], _ b: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard a != b else { return }
        let k = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let from = max(0, k - 120)
        Issue.record("outputs differ; first difference at byte \(k):\nnew: \(String(decoding: a[from..<min(a.count, k + 120)], as: UTF8.self))\nref: \(String(decoding: b[from..<min(b.count, k + 120)], as: UTF8.self))", sourceLocation: sourceLocation)
    }
}
