import RippleCore
import RippleMarkdown
import Testing

@Suite struct IncludeExpanderTests {
    let files = [
        "content/_shared/steps.md": "1. Plan\n2. Meet\n3. Review\n4. Repeat\n",
        "content/_shared/outer.md": "Outer\n{{< include \"steps.md\" lines=\"2-3\" >}}\nEnd\n",
        "content/_shared/link.md": "Read [this](gone.md).\n",
        "content/_shared/loop-a.md": "{{< include \"loop-b.md\" >}}\n",
        "content/_shared/loop-b.md": "{{< include \"loop-a.md\" >}}\n",
    ]

    func expand(_ body: String) -> IncludeExpander.Expanded {
        IncludeExpander(read: { files[$0] }).expand(body, file: "content/guide/01-start.md", lineOffset: 3)
    }

    @Test func includedLinesAndLineRangesGoInWithTheirSources() {
        let result = expand("# Start\n\n{{< include \"../_shared/outer.md\" >}}\n  {{< include \"/_shared/steps.md\" lines=\"-1\" >}}\nLast\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.body == "# Start\n\nOuter\n2. Meet\n3. Review\nEnd\n1. Plan\nLast\n")
        #expect(result.included == ["content/_shared/outer.md", "content/_shared/steps.md", "content/_shared/steps.md"])
        #expect(result.sourceLines.map { "\($0.line) \($0.file):\($0.fileLine)" } == [
            "1 content/guide/01-start.md:4", "3 content/_shared/outer.md:1", "4 content/_shared/steps.md:2",
            "6 content/_shared/outer.md:3", "7 content/guide/01-start.md:7", "7 content/_shared/steps.md:1",
            "8 content/guide/01-start.md:8",
        ])
    }

    @Test func locationsInIncludedTextPointIntoTheIncludedFile() {
        let result = expand("Intro\n\n{{< include \"../_shared/link.md\" >}}\n\nSee [x](missing.md)\n")
        let rendered = MarkdownRenderer(options: MarkdownOptions()).render(
            result.body, file: "content/guide/01-start.md", lineOffset: 3, sourceLines: result.sourceLines,
            rewriteLink: { .fail(.error("no \($0.destination)", at: $0.location)) })
        #expect(rendered.diagnostics.map(\.description) == [
            "content/_shared/link.md:1:6: error: no gone.md", "content/guide/01-start.md:8:5: error: no missing.md",
        ])
        let inside = expand("{{< include \"../_shared/bad.md\" >}}\n")
        #expect(inside.diagnostics.first?.description == """
            content/guide/01-start.md:4:1: error: the included file '../_shared/bad.md' does not exist
              hint: give the path relative to this file, like '_shared/intro.md'
            """)
    }

    @Test func problemsAreLocatedAtTheIncludeLine() {
        let result = expand("""
            {{< include "../../ripple.yaml" >}}
            x {{#include ../listings/main.rs:2:5}}
            {{< include "../_shared/loop-a.md" >}}
            {{< include "../_shared/steps.md" lines="9-12" >}}
            {{< include "../_shared/steps.md" lines="b-a" >}}
            """)
        #expect(result.diagnostics.map(\.description) == [
            "content/guide/01-start.md:4:1: error: the included file '../../ripple.yaml' is outside content/\n"
                + "  hint: put shared text under content/, for example in content/_shared/",
            "content/guide/01-start.md:5:3: error: mdBook's {{#include}} is not Ripple syntax, so the line would be shown as it is\n"
                + "  hint: write it on a line of its own as {{< include \"path\" lines=\"2-10\" >}}, or convert the book with `ripple import mdbook`",
            "content/_shared/loop-b.md:1:1: error: 'content/_shared/loop-a.md' includes itself (loop-a.md → loop-b.md → loop-a.md)\n"
                + "  hint: remove one of these includes",
            "content/guide/01-start.md:7:1: error: lines=\"9-12\" starts after the end of '../_shared/steps.md' (4 lines)\n"
                + "  hint: write lines=\"3-10\", lines=\"3-\", lines=\"-10\" or lines=\"7\"",
            "content/guide/01-start.md:8:1: error: lines=\"b-a\" is not a range of lines\n"
                + "  hint: write lines=\"3-10\", lines=\"3-\", lines=\"-10\" or lines=\"7\"",
        ])
    }

    @Test func anEscapedMdBookDirectiveIsText() {
        let result = expand("```hbs\n\\{{#include file.rs:2}}\n```\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.body == "```hbs\n{{#include file.rs:2}}\n```\n")
    }

    @Test func aPageWithoutIncludesIsLeftAsItIs() {
        let result = expand("Say {{< include \"x.md\" >}} inline.\n")
        #expect(result.body == "Say {{< include \"x.md\" >}} inline.\n")
        #expect(result.sourceLines.isEmpty && result.diagnostics.isEmpty && result.included.isEmpty)
    }

    /// The error names the directive the line holds, not always `{{#include}}`.
    @Test func anMdBookDirectiveIsNamedAsWritten() {
        let result = expand("Run it: {{#playground ../listings/main.rs}}\n")
        #expect(result.diagnostics.map(\.message) == ["mdBook's {{#playground}} is not Ripple syntax, so the line would be shown as it is"])
    }
}
