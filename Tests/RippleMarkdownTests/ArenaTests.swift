import RippleMarkdown
import Testing

/// cmark allocates from a per-thread arena (see `Cmark.withDocument`); these documents cross its chunk size.
@Suite struct ArenaTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    @Test func documentsLargerThanAnArenaChunkRenderCompletely() {
        let paragraph = "Mentoring *works* when pairs [meet](https://example.com) often.\n\n"
        let big = "## Start\n\n" + String(repeating: paragraph, count: 40_000) + "## End\n\nDone.\n"
        let result = renderer.render(big, file: "big.md")
        #expect(result.html.hasPrefix("<h2 id=\"start\">Start"))
        #expect(result.html.hasSuffix("<p>Done.</p>\n"))
        #expect(result.html.utf8.count > 3_000_000)
        #expect(result.wordCount == 40_000 * 6 + 3)  // six words a paragraph, and "Start", "End", "Done."
        // A small document after the big one, on the same thread, reuses the arena and is unaffected.
        #expect(renderer.render("Hello *you*.\n", file: "small.md").html == "<p>Hello <em>you</em>.</p>\n")
    }

    @Test func manyDocumentsInARowGiveTheSameHTMLAsTheFirstTime() {
        let documents = (0..<300).map { "# T\($0)\n\n## Part \($0)\n\n" + String(repeating: "word \($0) ", count: $0 * 20) + "\n" }
        let first = documents.map { renderer.render($0, file: "a.md").html }
        let second = documents.reversed().map { renderer.render($0, file: "a.md").html }
        #expect(first == second.reversed())
    }
}
