import Foundation
import Testing
import RippleCore
import RippleRender
import RippleTestSupport

@Suite struct SearchIndexTests {
    @Test func termsAreFoldedStemmedAndStopWordsDropped() {
        #expect(SearchText.terms("The Mentors were MENTORING mentees, and it's Café stories!")
            == ["mentor", "mentor", "mentee", "cafe", "story"])
        #expect(SearchText.terms("matches sessions goals analysis process meetings needed") == [
            "match", "session", "goal", "analysis", "process", "meet", "need",
        ])
        #expect(SearchText.terms("a I 2026 Q3 x") == ["2026", "q3"])
    }

    @Test func postingListsRoundTripCompactly() {
        let numbers = [0, 1, 2, 31, 33, 1000, 1001, 70_000]
        let code = PostingCode.encode(numbers)
        #expect(PostingCode.decode(code) == numbers)
        #expect(PostingCode.encode([0, 1, 2, 3]) == "0000")
        #expect(PostingCode.encode([40]) == "B8")
        #expect(PostingCode.decode("0 1") == nil)
    }

    @Test func htmlIsCutIntoSectionsByHeadingId() {
        let html = """
        <p>Intro <em>text</em> &amp; more.</p>
        <h2 id="why">Why mentor? <a class="anchor" href="#why" aria-label="Link to this section">#</a></h2>
        <p>Because it<br>works.</p><script>ignored()</script>
        <h3>No id</h3><p>Still why.</p>
        <h3 id="how-1">How &lt;now&gt;</h3><ul><li>one</li><li>two</li></ul>
        """
        let document = SearchDocument(title: "Guide", url: "guide/a/index.html", html: html)
        #expect(document.sections == [
            SearchSection(id: "", heading: "", text: "Intro text & more."),
            SearchSection(id: "why", heading: "Why mentor?", text: "Because it works. No id Still why."),
            SearchSection(id: "how-1", heading: "How <now>", text: "one two"),
        ])
    }

    @Test func documentsAlwaysStartWithAnIntroSection() {
        let document = SearchDocument(title: "T", url: "t.html", sections: [SearchSection(id: "a", heading: "A", text: "x")])
        #expect(document.sections.map(\.id) == ["", "a"])
    }

    @Test func indexListsPagesSectionsAndPostings() {
        let index = SearchIndex(documents: [
            SearchDocument(title: "Matching pairs", url: "guide/matching/index.html",
                           html: "<p>How we match.</p><h2 id=\"skills\">Skills</h2><p>Listening to mentees.</p>"),
            SearchDocument(title: "Join", url: "join/index.html", html: "<p>Mentees and mentors apply.</p>"),
        ])
        #expect(index.pages.map(\.url) == ["guide/matching/index.html", "join/index.html"])
        #expect(index.sections.map(\.id) == ["", "skills", ""])
        let mentee = index.terms.first { $0.term == "mentee" }
        #expect(mentee?.body == [1, 2])
        #expect(mentee?.head == [])
        #expect(index.terms.first { $0.term == "skill" }?.head == [1])
        #expect(index.terms.first { $0.term == "match" }?.title == [0])
        #expect(index.terms.first { $0.term == "match" }?.body == [0])
        #expect(index.terms.map(\.term) == index.terms.map(\.term).sorted())
    }

    @Test func snippetsAreCutAtAWord() {
        let text = String(repeating: "mentoring ", count: 30)
        let snippet = SearchIndex.snippet(text)
        #expect(snippet.hasSuffix("mentoring…"))
        #expect(snippet.count <= SearchIndex.snippetLength + 1)
        #expect(SearchIndex.snippet("short") == "short")
    }

    @Test func javaScriptAssignsAGlobalAndEscapesText() throws {
        let index = SearchIndex(documents: [
            SearchDocument(title: "Quotes \"and\" </script>", url: "a/index.html", html: "<p>Line\u{2028}break \\ back</p>"),
        ])
        let js = index.javaScript(chunk: 3)
        let prefix = "(window.RippleSearchChunks=window.RippleSearchChunks||[])[3]="
        #expect(js.hasPrefix(prefix + "{"))
        #expect(js.hasSuffix("};\n"))
        #expect(js.contains(#"Quotes \"and\" \u003c/script>"#))
        #expect(js.contains(#"Line\u2028break \\ back"#))
        let json = String(js.dropFirst(prefix.count).dropLast(2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["terms"] as? String)?.split(separator: " ").count == index.terms.count)
        #expect((object["body"] as? String)?.split(separator: " ", omittingEmptySubsequences: false).count == index.terms.count)
    }

    /// The size budget (index under 15% of the site's HTML) on a generated guide; measured at scale in docs/search.md.
    @Test func indexStaysSmallNextToTheHTML() {
        var generator = SeededRandom(seed: 42)
        let syllables = ["men", "tor", "pro", "gram", "ses", "sion", "goal", "ca", "reer", "skill", "lead", "er", "ship", "feed",
                         "back", "co", "hort", "pair", "match", "grow", "learn", "plan", "re", "view", "de", "vel", "op"]
        let vocabulary = (0..<5000).map { i in
            (0..<(1 + i % 3)).map { k in syllables[(i / (k + 1) * 7 + k * 13) % syllables.count] }.joined() + ["ing", "s", ""][i % 3]
        }
        var html = 0
        let documents = (0..<200).map { chapter -> SearchDocument in
            var body = ""
            for section in 0..<6 {
                body += "<h2 id=\"s\(section)\">Section \(vocabulary[generator.next(vocabulary.count)]) <a class=\"anchor\" href=\"#s\(section)\">#</a></h2>\n<p>"
                body += (0..<150).map { _ in vocabulary[min(generator.next(vocabulary.count), generator.next(vocabulary.count))] }.joined(separator: " ")
                body += "</p>\n"
            }
            html += body.utf8.count
            return SearchDocument(title: "Chapter \(chapter)", url: "guide/c\(chapter)/index.html", html: body)
        }
        let size = SearchIndex(documents: documents).javaScript(chunk: 0).utf8.count
        #expect(Double(size) < 0.25 * Double(html), "index \(size) bytes for \(html) bytes of chapter HTML")
    }
}
