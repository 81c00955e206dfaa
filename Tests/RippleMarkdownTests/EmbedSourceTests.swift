import RippleCore
import RippleMarkdown
import Testing

@Suite struct EmbedSourceTests {
    @Test func windowsLineEndingsAndContainersKeepLocations() {
        var embeds: [Embed] = []
        let markdown = "Intro.\r\n\r\n> {{< chart a >}}\r\n\r\n- x {{< metric b >}}\r\n"
        let result = MarkdownRenderer(options: MarkdownOptions()).render(
            markdown, file: "r.md", lineOffset: 1,
            embed: { embeds.append($0); return .html("<i></i>") })
        #expect(embeds.map(\.isBlock) == [true, false])
        #expect(embeds.map(\.location) == [
            SourceLocation(file: "r.md", line: 4, column: 3), SourceLocation(file: "r.md", line: 6, column: 5),
        ])
        #expect(result.html == "<p>Intro.</p>\n<blockquote>\n<i></i>\n</blockquote>\n<ul>\n<li>x <i></i></li>\n</ul>\n")
    }
}
