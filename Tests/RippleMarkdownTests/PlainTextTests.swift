import RippleCore
@testable import RippleMarkdown
import Testing

@Suite struct PlainTextTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    @Test func plainTextAndWordCount() {
        let markdown = """
            # Title words

            Mentoring *works* when `pairs` meet
            often — and **talk**.

            - One [link](x.md)
            - Two ![picture](p.png)

            ```
            code  block
            ```

            ## Next step
            """
        let result = renderer.render(markdown, file: "a.md")
        #expect(renderer.plainText(markdown) == """
            Mentoring works when pairs meet often — and talk.
            One link
            Two picture
            code block
            Next step
            """)
        #expect(result.wordCount == 16)
    }

    @Test func summaryIsFirstParagraph() {
        let result = renderer.render("# T\n\n## Why\n\nPairs *meet*\nmonthly.\n\nSecond.\n", file: "a.md")
        #expect(result.summary == "Pairs meet monthly.")
    }

    @Test func longSummaryIsCutAtAWord() {
        let sentence = "Mentoring helps new staff settle in faster and stay longer. "
        let result = renderer.render(String(repeating: sentence, count: 10), file: "a.md")
        let expected = String(repeating: sentence, count: 5).trimmingWhitespace + "…"
        #expect(result.summary == expected)
        #expect(result.summary.count <= PlainText.summaryLimit + 1)
    }

    @Test func wordsAreCountedAcrossPiecesAsIfJoined() {
        var counter = PlainText.WordCounter()
        for piece in ["Men", "toring", " — ", "café", "\u{00A0}", "x", "\n", "…", " 42"] { counter.add(piece) }
        #expect(counter.count == PlainText.wordCount("Mentoring — café\u{00A0}x\n… 42"))
        #expect(counter.count == 4)
        #expect(renderer.render("Naïve *co*-mentoring, ünïcode\u{2003}words.\n", file: "a.md").wordCount == 4)
    }

    @Test func oneVeryLongWordIsCutHard() {
        #expect(PlainText.summary(String(repeating: "a", count: 400)) == String(repeating: "a", count: 300) + "…")
    }

    @Test func emptyDocument() {
        let result = renderer.render("", file: "a.md")
        #expect(result.html == "")
        #expect(result.title == nil)
        #expect(result.summary == "")
        #expect(renderer.plainText("") == "")
        #expect(result.wordCount == 0)
        #expect(result.toc.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func rawHTMLCountsOnlyItsText() {
        #expect(renderer.plainText("Use <kbd>Ctrl</kbd> now.\n") == "Use Ctrl now.")
        #expect(renderer.render("Use <kbd>Ctrl</kbd> now.\n", file: "a.md").wordCount == 3)
        let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true))
        #expect(unsafe.plainText("Use <kbd>Ctrl</kbd> now.\n") == "Use Ctrl now.")
        #expect(unsafe.render("Use <kbd>Ctrl</kbd> now.\n", file: "a.md").wordCount == 3)
    }
}
