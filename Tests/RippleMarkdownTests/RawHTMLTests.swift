import RippleCore
import RippleMarkdown
import Testing

@Suite struct RawHTMLTests {
    let markdown = "<script>alert(1)</script>\n\nSay <b>hi</b>.\n"

    @Test func rawHTMLIsEscapedByDefault() {
        let result = MarkdownRenderer(options: MarkdownOptions()).render(markdown, file: "a.md")
        #expect(result.html == """
            <p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
            <p>Say &lt;b&gt;hi&lt;/b&gt;.</p>

            """)
    }

    @Test func rawHTMLPassesWhenUnsafe() {
        let result = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(markdown, file: "a.md")
        #expect(result.html == """
            <script>alert(1)</script>
            <p>Say <b>hi</b>.</p>

            """)
    }

    @Test func multiLineHTMLBlockIsKeptAsText() {
        let result = MarkdownRenderer(options: MarkdownOptions()).render("<div>\nhi & bye\n</div>\n", file: "a.md")
        #expect(result.html == "<p>&lt;div&gt;\nhi &amp; bye\n&lt;/div&gt;</p>\n")
    }

    @Test func dangerousURLsAreRemovedUnlessUnsafe() {
        let markdown = "[x](javascript:alert(1)) ![y](data:image/png;base64,AA)"
        let safe = MarkdownRenderer(options: MarkdownOptions()).render(markdown, file: "a.md")
        #expect(safe.html == "<p><a href=\"\">x</a> <img src=\"data:image/png;base64,AA\" alt=\"y\" /></p>\n")
        let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(markdown, file: "a.md")
        #expect(unsafe.html.contains("<a href=\"javascript:alert(1)\">x</a>"))
    }

    @Test func smartPunctuation() {
        let markdown = "\"Mentors\" don't -- ever --- stop..."
        let smart = MarkdownRenderer(options: MarkdownOptions()).render(markdown, file: "a.md")
        #expect(smart.html == "<p>“Mentors” don’t – ever — stop…</p>\n")
        let plain = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false)).render(markdown, file: "a.md")
        #expect(plain.html == "<p>&quot;Mentors&quot; don't -- ever --- stop...</p>\n")
    }
}
