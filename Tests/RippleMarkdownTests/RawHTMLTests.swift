import Foundation
import RippleCore
import RippleMarkdown
import Testing

@Suite struct RawHTMLTests {
    let markdown = "<script>alert(1)</script>\n\nSay <b>hi</b>.\n"

    @Test func unsafeRawHTMLIsRemovedByDefaultWithALocatedWarning() {
        let result = MarkdownRenderer(options: MarkdownOptions()).render(markdown, file: "a.md", lineOffset: 2)
        #expect(result.html == """
            <p>Say <b>hi</b>.</p>

            """)
        #expect(result.diagnostics.map(\.description) == [
            "a.md:3:1: warning: raw HTML <script> is not allowed, so it was removed\n"
                + "  hint: Ripple keeps only raw HTML that cannot run code or change the page (see `unsafe_html` in ripple.yaml)",
        ])
    }

    @Test func rawHTMLPassesWhenUnsafe() {
        let result = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(markdown, file: "a.md")
        #expect(result.html == """
            <script>alert(1)</script>
            <p>Say <b>hi</b>.</p>

            """)
    }

    @Test func allowedHTMLBlockIsWrittenAgainWellFormed() {
        let result = MarkdownRenderer(options: MarkdownOptions()).render(
            "<div class=note>\nhi & bye<br>\n<!-- a -- comment -->\n</div>\n", file: "a.md")
        #expect(result.html == "<div class=\"note\">\nhi &amp; bye<br />\n\n</div>\n")
        #expect(result.diagnostics.isEmpty)
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

@Suite struct RawHTMLSanitizingTests {
    func render(_ markdown: String, rewriteLink: (LinkTarget) -> LinkRewrite = { _ in .keep }) -> RenderedMarkdown {
        MarkdownRenderer(options: MarkdownOptions()).render(markdown, file: "c.md", rewriteLink: rewriteLink)
    }

    @Test func eventHandlersAndScriptURLsAreRemovedAtTheirPlace() {
        let result = render("Text\n\n<img src=\"a.png\" onerror=\"alert(1)\">  <a href=\" JAVA&#9;script:alert(1)\">x</a>\n")
        #expect(result.html == "<p>Text</p>\n<p><img src=\"a.png\" />  <a>x</a></p>\n")
        #expect(result.diagnostics.map { "\($0.location!.line!):\($0.location!.column!) \($0.message)" } == [
            "3:1 attribute 'onerror' of raw HTML <img> is not allowed, so it was removed",
            "3:39 a 'javascript:' address in raw HTML <a> is not allowed, so it was removed",
        ])
    }

    @Test func rawImageAndLinkPathsAreRewrittenLikeMarkdownOnes() {
        var seen: [String] = []
        let result = render("See <a href=\"02-next.md\">next</a>.\n\n<p align=center><img src=\"img/a.png\" alt=\"A <b>\"></p>\n") { link in
            seen.append("\(link.destination) \(link.isImage) \(link.location.line!):\(link.location.column!)")
            return .replace(link.destination.replacingOccurrences(of: ".md", with: ".html"))
        }
        #expect(seen == ["02-next.md false 1:5", "img/a.png true 3:17"])
        #expect(result.html == "<p>See <a href=\"02-next.html\">next</a>.</p>\n<p><img src=\"img/a.png\" alt=\"A &lt;b&gt;\" /></p>\n")
        #expect(result.diagnostics.map(\.message) == ["attribute 'align' of raw HTML <p> is not allowed, so it was removed"])
    }

    @Test func detailsAroundMarkdownStayBalanced() {
        let result = render("<details open>\n<summary>More</summary>\n\n*Hidden* text.\n\n</details>\n\nAfter <kbd>Ctrl\n")
        #expect(result.html == """
            <details open="open">
            <summary>More</summary>
            <p><em>Hidden</em> text.</p>
            </details>
            <p>After <kbd>Ctrl</kbd></p>

            """)
        #expect(result.summary == "Hidden text.")
    }

    @Test func strayEndTagsAndUnclosedBlocksAreRepaired() {
        let result = render("</span>\n\n<div>\n\nOpen to the end.\n")
        #expect(result.html == "<div>\n<p>Open to the end.</p>\n</div>\n")
        #expect(result.diagnostics.map(\.message) == ["</span> ends no open <span>, so it was removed"])
    }

    @Test func scriptsStylesAndSVGGoWithTheirContent() {
        let result = render("<style>p { color: red }</style>\n\n<svg><circle r=\"1\"/><script>x</script></svg> <iframe src=\"//e\"></iframe>\n")
        #expect(result.html == "<p> </p>\n")
        #expect(result.diagnostics.map(\.message) == [
            "raw HTML <style> is not allowed, so it was removed",
            "raw HTML <svg> is not allowed, so it was removed",
            "raw HTML <iframe> is not allowed, so it was removed",
        ])
    }

    @Test func anchorNamesBecomeIDs() {
        #expect(render("<a name=\"top\"></a>Hello").html == "<p><a id=\"top\"></a>Hello</p>\n")
    }
}

extension RawHTMLSanitizingTests {
    @Test func idsOfRawElementsAreLinkTargets() {
        #expect(render("## Setup\n\n<a id=\"install\"></a>Text <span id='x&amp;y'>s</span>").anchors == ["setup", "install", "x&y"])
    }
}
