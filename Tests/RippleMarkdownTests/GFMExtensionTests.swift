import RippleCore
import RippleMarkdown
import Testing

/// Task lists, bare URLs, footnotes and GitHub alerts (tables and strikethrough: PipeTableTests, GFM spec).
@Suite struct GFMExtensionTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    @Test func taskListItemsGetDisabledCheckboxes() {
        let html = renderer.render("- [ ] plan\n- [x] meet\n- [y] not a task\n- [ ]\n", file: "a.md").html
        #expect(html == """
            <ul>
            <li><input type="checkbox" disabled="" /> plan</li>
            <li><input type="checkbox" checked="" disabled="" /> meet</li>
            <li>[y] not a task</li>
            <li>[ ]</li>
            </ul>

            """)
    }

    @Test func codeBlocksKeepTheirLanguageClassOnly() {
        let markdown = "```rust,ignore\nfn main() {}\n```\n\n```python title=\"x.py\"\npass\n```\n\n```{.sh}\nls\n```\n\n```\nplain\n```\n"
        #expect(renderer.render(markdown, file: "a.md").html == """
            <pre tabindex="0"><code class="language-rust">fn main() {}
            </code></pre>
            <pre tabindex="0"><code class="language-python">pass
            </code></pre>
            <pre tabindex="0"><code>ls
            </code></pre>
            <pre tabindex="0"><code>plain
            </code></pre>

            """)
    }

    @Test func bareURLsAndAddressesBecomeLinks() {
        let markdown = "See www.example.org/help, (https://example.org/a_(b)) or ask me@example.org.\n"
            + "[www.linked.org](x) `www.code.org`\n"
        #expect(renderer.render(markdown, file: "a.md").html == """
            <p>See <a href="http://www.example.org/help">www.example.org/help</a>, \
            (<a href="https://example.org/a_(b)">https://example.org/a_(b)</a>) or ask \
            <a href="mailto:me@example.org">me@example.org</a>.
            <a href="x">www.linked.org</a> <code>www.code.org</code></p>

            """)
    }

    @Test func bareURLsGoThroughLinkRewriting() {
        var seen: [String] = []
        let result = renderer.render("Line one.\nGo to https://example.org/x now.\n", file: "a.md", lineOffset: 2) { target in
            seen.append("\(target.destination) \(target.location)")
            return .replace("https://example.org/y")
        }
        #expect(seen == ["https://example.org/x a.md:4:7"])
        #expect(result.html.contains("<a href=\"https://example.org/y\">https://example.org/x</a>"))
    }

    @Test func footnotesAreNumberedByFirstReferenceAndListedAtTheEnd() {
        let markdown = """
            Mentors[^m] meet mentees[^1] often[^m].

            [^1]: Once a month.
            [^m]: People who
                volunteer.

                A second paragraph.
            [^unused]: Not shown.

            """
        #expect(renderer.render(markdown, file: "a.md").html == """
            <p>Mentors<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" role="doc-noteref">1</a></sup> \
            meet mentees<sup class="footnote-ref"><a href="#fn-2" id="fnref-2" role="doc-noteref">2</a></sup> \
            often<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2" role="doc-noteref">1</a></sup>.</p>
            <section class="footnotes" role="doc-endnotes">
            <ol>
            <li id="fn-1">
            <p>People who
            volunteer.</p>
            <p>A second paragraph. <a href="#fnref-1" class="footnote-backref" role="doc-backlink" \
            aria-label="Back to reference 1">↩</a> <a href="#fnref-1-2" class="footnote-backref" \
            role="doc-backlink" aria-label="Back to reference 1">↩</a></p>
            </li>
            <li id="fn-2">
            <p>Once a month. <a href="#fnref-2" class="footnote-backref" role="doc-backlink" \
            aria-label="Back to reference 2">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func aFootnoteThatIsALinkIsNotALinkDefinition() {
        var seen: [String] = []
        let markdown = "Text[^x].\n\n[^x]: [guide](guide.md)\n"
        let result = renderer.render(markdown, file: "content/a.md") { target in
            seen.append(target.destination)
            return .fail(.error("link target '\(target.destination)' does not exist", at: target.location))
        }
        #expect(seen == ["guide.md"])
        #expect(result.diagnostics.map(\.description) == ["content/a.md:3:7: error: link target 'guide.md' does not exist"])
    }

    @Test func footnoteDefinitionsInCodeAndUndefinedReferencesStayText() {
        let html = renderer.render("```\n[^1]: code\n```\n\nA [^2] here.\n", file: "a.md").html
        #expect(html == "<pre tabindex=\"0\"><code>[^1]: code\n</code></pre>\n<p>A [^2] here.</p>\n")
    }

    @Test func alertsBecomeLabelledAsides() {
        let html = renderer.render("> [!TIP]\n> Ask *open* questions.\n\n> [!unknown]\n> Stays a quote.\n", file: "a.md").html
        #expect(html == """
            <aside class="alert alert-tip" role="note" aria-label="Tip">
            <p class="alert-title" aria-hidden="true">Tip</p>
            <p>Ask <em>open</em> questions.</p>
            </aside>
            <blockquote>
            <p>[!unknown]
            Stays a quote.</p>
            </blockquote>

            """)
    }

    @Test func alertMarkerIsNotInTheSummary() {
        let result = renderer.render("> [!NOTE]\n> Bring a notebook.\n", file: "a.md")
        #expect(result.summary == "Bring a notebook.")
        #expect(renderer.plainText("> [!CAUTION]\n> Hot.\n") == "Hot.")
    }

    @Test func everyAlertKind() {
        for kind in ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"] {
            let html = renderer.render("> [!\(kind)]\n> x\n", file: "a.md").html
            #expect(html.hasPrefix("<aside class=\"alert alert-\(kind.lowercased())\""))
        }
    }
}

@Suite struct DefinitionListTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    @Test func termsAndDefinitionsBecomeADefinitionList() {
        let html = renderer.render("Mentor\n: Someone who *shares*.\n: A guide.\nMentee\n: Someone who learns.\n", file: "a.md").html
        #expect(html == """
            <dl>
            <dt>
            Mentor
            </dt>
            <dd>
            Someone who <em>shares</em>.
            </dd>
            <dd>
            A guide.
            </dd>
            <dt>
            Mentee
            </dt>
            <dd>
            Someone who learns.
            </dd>
            </dl>

            """)
        #expect(renderer.plainText("Mentor\n: Someone.\n") == "Mentor\nSomeone.")
    }

    @Test func aTermWithoutDefinitionKeepsTheParagraph() {
        #expect(renderer.render("A\n: b\nC\n", file: "a.md").html == "<p>A\n: b\nC</p>\n")
        #expect(renderer.render("Ratio: 3:1\nmore\n", file: "a.md").html == "<p>Ratio: 3:1\nmore</p>\n")
    }

    @Test func linksInDefinitionsAreLocated() {
        var locations: [String] = []
        _ = renderer.render("Term\n:   see [x](y.md)\n", file: "a.md") { target in
            locations.append(target.location.description)
            return .keep
        }
        #expect(locations == ["a.md:2:9"])
    }
}
