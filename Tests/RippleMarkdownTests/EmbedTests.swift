import RippleCore
import RippleMarkdown
import Testing

@Suite struct EmbedTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    /// Renders `markdown`, answering every shortcode with a span naming it, and records the requests.
    func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions(), lineOffset: Int = 0)
        -> (RenderedMarkdown, [Embed])
    {
        var embeds: [Embed] = []
        let result = MarkdownRenderer(options: options).render(
            markdown, file: "content/reports/q1.md", lineOffset: lineOffset,
            embed: { embed in
                embeds.append(embed)
                return .html(embed.isBlock ? "<figure>\(embed.name)</figure>" : "<span>\(embed.name)</span>")
            })
        return (result, embeds)
    }

    @Test func inlineShortcodeIsReplacedInPlace() {
        let (result, embeds) = render("We held {{< metric sessions_completed period=all >}} sessions.\n", lineOffset: 6)
        #expect(result.html == "<p>We held <span>metric</span> sessions.</p>\n")
        #expect(embeds.count == 1)
        #expect(embeds.first?.name == "metric")
        #expect(embeds.first?.arguments == ["": "sessions_completed", "period": "all"])
        #expect(embeds.first?.isBlock == false)
        #expect(embeds.first?.location == SourceLocation(file: "content/reports/q1.md", line: 7, column: 9))
        #expect(result.diagnostics.isEmpty)
        #expect(result.wordCount == 3)  // "We held sessions."
    }

    @Test func shortcodeAloneInParagraphIsBlock() {
        let (result, embeds) = render("Intro.\n\n  {{< chart sessions_by_month >}}  \n\nAfter.\n", lineOffset: 2)
        #expect(result.html == "<p>Intro.</p>\n<figure>chart</figure>\n<p>After.</p>\n")
        #expect(embeds.map(\.isBlock) == [true])
        #expect(embeds.first?.arguments == ["": "sessions_by_month"])
        #expect(embeds.first?.location == SourceLocation(file: "content/reports/q1.md", line: 5, column: 3))
    }

    @Test func severalShortcodesInOneParagraphAreInline() {
        let (result, embeds) = render("{{< metric a >}} of {{< metric b >}}\n")
        #expect(result.html == "<p><span>metric</span> of <span>metric</span></p>\n")
        #expect(embeds.map(\.isBlock) == [false, false])
        #expect(embeds.map { $0.arguments[""] } == ["a", "b"])
        #expect(embeds.map(\.location.column) == [1, 21])
    }

    @Test func quotedValuesStraightAndCurly() {
        let markdown = #"{{< chart "Sessions per month" title="Our *first* year" note=“typed curly” empty="" >}}"#
        for smart in [true, false] {
            let (_, embeds) = render(markdown, options: MarkdownOptions(smartPunctuation: smart))
            #expect(embeds.first?.arguments == [
                "": "Sessions per month", "title": "Our *first* year", "note": "typed curly", "empty": "",
            ])
            #expect(embeds.first?.isBlock == true)
        }
    }

    @Test func shortcodeWithoutSpacesIsRecognised() {
        let (result, embeds) = render("Total: {{<metric pairs_active>}}.\n")
        #expect(result.html == "<p>Total: <span>metric</span>.</p>\n")
        #expect(embeds.first?.arguments == ["": "pairs_active"])
        #expect(embeds.first?.location.column == 8)
    }

    @Test func shortcodesInCodeAreLeftAlone() {
        let markdown = """
            Write `{{< metric sessions_completed >}}` like this:

            ```
            {{< chart x >}}
            ```

                {{< chart y >}}
            """
        let (result, embeds) = render(markdown)
        #expect(embeds.isEmpty)
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == """
            <p>Write <code>{{&lt; metric sessions_completed &gt;}}</code> like this:</p>
            <pre tabindex="0"><code>{{&lt; chart x &gt;}}
            </code></pre>
            <pre tabindex="0"><code>{{&lt; chart y &gt;}}
            </code></pre>

            """)
    }

    @Test func shortcodeInsideEmphasisAndHeadingIsInline() {
        let (result, embeds) = render("## We met {{< metric n >}} times\n\n*{{< metric m >}}*\n")
        #expect(embeds.map(\.isBlock) == [false, false])
        #expect(result.anchors == ["we-met-times"])
        #expect(result.html.hasPrefix("<h2 id=\"we-met-times\">We met <span>metric</span> times <a class"))
        #expect(result.html.hasSuffix("<p><em><span>metric</span></em></p>\n"))
    }

    @Test func malformedShortcodeIsReportedAndKept() {
        let (result, embeds) = render("Line one.\nWe held {{< metric sessions and {{< metric ok >}}\n", lineOffset: 3)
        #expect(result.diagnostics.map(\.description) == [
            "content/reports/q1.md:5:9: error: shortcode '{{< metric sessions and' is not closed\n"
                + "  hint: End the shortcode with '>}}' on the same line and keep Markdown marks such as * and ` "
                + "out of it, like {{< metric sessions_completed >}}.",
        ])
        #expect(embeds.map { $0.arguments[""] } == ["ok"])
        #expect(result.html == "<p>Line one.\nWe held {{&lt; metric sessions and <span>metric</span></p>\n")
    }

    @Test func unclosedQuoteIsMalformed() {
        let (result, embeds) = render(#"{{< chart title="Oops >}}"#, options: MarkdownOptions(smartPunctuation: false))
        #expect(embeds.isEmpty)
        #expect(result.diagnostics.map(\.description) == [
            "content/reports/q1.md:1:1: error: shortcode '{{< chart title=\"Oops >}}' is not closed\n"
                + "  hint: End the shortcode with '>}}' on the same line and keep Markdown marks such as * and ` "
                + "out of it, like {{< metric sessions_completed >}}.",
        ])
    }

    @Test(arguments: [
        ("{{< >}}", "content/reports/q1.md:1:1: error: shortcode has no name\n"
            + "  hint: Write the shortcode's name right after '{{<', like {{< metric sessions_completed >}}."),
        ("Hi {{< metric a b >}}", "content/reports/q1.md:1:4: error: shortcode 'metric' has more than one value "
            + "without a name ('b')\n  hint: Only the first value may go without a name; write the others as "
            + "name=value, like period=all."),
        ("Hi {{< metric a period=all period=q1 >}}", "content/reports/q1.md:1:4: error: shortcode 'metric' sets "
            + "'period' twice\n  hint: Keep only one period=… in the shortcode."),
    ])
    func badShortcodes(markdown: String, message: String) {
        let (result, embeds) = render(markdown)
        #expect(embeds.isEmpty)
        #expect(result.diagnostics.map(\.description) == [message])
    }

    @Test func defaultEmbedReportsUnknownShortcode() {
        let result = renderer.render("x\n\n{{< metric a >}}\n", file: "p.md", lineOffset: 1)
        #expect(result.diagnostics == [.error("unknown shortcode 'metric'", at: SourceLocation(file: "p.md", line: 4, column: 1))])
        #expect(result.html == "<p>x</p>\n<p>{{&lt; metric a &gt;}}</p>\n")
    }

    @Test func failedInlineEmbedKeepsTextAndOthersStillRender() {
        let result = renderer.render("{{< bad >}} and {{< good >}} and {{< bad >}}\n", file: "p.md", embed: { embed in
            embed.name == "good" ? .html("<b>ok</b>") : .fail(.error("no \(embed.name)", at: embed.location))
        })
        #expect(result.html == "<p>{{&lt; bad &gt;}} and <b>ok</b> and {{&lt; bad &gt;}}</p>\n")
        #expect(result.diagnostics.map(\.description) == ["p.md:1:1: error: no bad", "p.md:1:34: error: no bad"])
    }

    @Test func embedHTMLIsNotEscapedWhenRawHTMLIsOff() {
        let (result, _) = render("Hi <font>x</font> {{< metric a >}}\n", options: MarkdownOptions(unsafeHTML: false))
        #expect(result.html == "<p>Hi x <span>metric</span></p>\n")
    }
}
