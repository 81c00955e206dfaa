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
        #expect(result.plainText == """
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

    @Test func oneVeryLongWordIsCutHard() {
        #expect(PlainText.summary(String(repeating: "a", count: 400)) == String(repeating: "a", count: 300) + "…")
    }

    @Test func emptyDocument() {
        let result = renderer.render("", file: "a.md")
        #expect(result.html == "")
        #expect(result.title == nil)
        #expect(result.summary == "")
        #expect(result.plainText == "")
        #expect(result.wordCount == 0)
        #expect(result.toc.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func escapedRawHTMLCountsAsText() {
        let result = renderer.render("Use <kbd>Ctrl</kbd> now.\n", file: "a.md")
        #expect(result.plainText == "Use <kbd>Ctrl</kbd> now.")
        let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render("Use <kbd>Ctrl</kbd> now.\n", file: "a.md")
        #expect(unsafe.plainText == "Use Ctrl now.")
    }
}
