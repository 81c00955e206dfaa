import RippleCore
import RippleMarkdown
import Testing

@Suite struct PipeTableTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    @Test func smartPunctuationLeavesTheDelimiterRowAlone() {
        let result = renderer.render("Role | \"Hours\"\n:--|--:\nMentor -- lead | 3...4\n", file: "a.md")
        #expect(result.html == """
            <div class="table-wrap" role="region" tabindex="0" aria-label="Table">
            <table>
            <thead>
            <tr>
            <th class="align-left">Role</th>
            <th class="align-right">“Hours”</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left">Mentor – lead</td>
            <td class="align-right">3…4</td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test func tableInsideABlockQuoteAndAListItem() {
        let markdown = "> | a | b |\n> |---|---|\n> | 1 | 2 |\n\n- item\n\n  | c |\n  |---|\n  | 3 |\n"
        let html = renderer.render(markdown, file: "a.md").html
        #expect(html.contains("<blockquote>\n<div class=\"table-wrap\""))
        #expect(html.contains("<td>1</td>\n<td>2</td>"))
        #expect(html.contains("<li>\n<p>item</p>\n<div class=\"table-wrap\""))
        #expect(html.contains("<td>3</td>"))
    }

    @Test func linesBeforeTheHeaderRowStayAParagraph() {
        let html = renderer.render("Hours per *role*:\n| a |\n|---|\n| 1 |\n", file: "a.md").html
        #expect(html.hasPrefix("<p>Hours per <em>role</em>:</p>\n<div class=\"table-wrap\""))
    }

    @Test func cellsAreInlineOnly() {
        let html = renderer.render("| # not a heading | - not a list |\n|---|---|\n| > no quote | 1. no list |\n", file: "a.md").html
        #expect(html.contains("<th># not a heading</th>\n<th>- not a list</th>"))
        #expect(html.contains("<td>&gt; no quote</td>\n<td>1. no list</td>"))
    }

    @Test func linksInCellsAreRewrittenAndLocated() {
        let markdown = "Intro.\n\n| Page | Note |\n|---|---|\n| x | see [gone](missing.md) |\n"
        var seen: [LinkTarget] = []
        let result = renderer.render(markdown, file: "content/a.md", lineOffset: 3) { target in
            seen.append(target)
            return .fail(.error("link target 'missing.md' does not exist", at: target.location))
        }
        #expect(seen.map(\.destination) == ["missing.md"])
        #expect(result.diagnostics.map(\.description) == [
            "content/a.md:8:11: error: link target 'missing.md' does not exist",
        ])
    }

    @Test func cellsAreSeparateWordsInPlainText() {
        #expect(renderer.plainText("| a | b |\n|---|---|\n| c | d |\n") == "a b\nc d")
    }

    @Test func aParagraphWithPipesButNoDelimiterRowIsText() {
        let html = renderer.render("a | b\nc | d\n", file: "a.md").html
        #expect(html == "<p>a | b\nc | d</p>\n")
    }
}
