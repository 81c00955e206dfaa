import RippleMarkdown
import Testing

@Suite struct ConcurrencyTests {
    @Test func parallelRendersGiveTheSameResult() async {
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        let markdown = (0..<30).map { "## Part \($0)\n\nSee [next](p\($0).md) and {{< metric m\($0) >}}.\n" }.joined()
        func once() -> String {
            renderer.render(markdown, file: "a.md", rewriteLink: { .replace($0.destination + ".html") },
                            embed: { .html("<span>\($0.arguments[""] ?? "")</span>") }).html
        }
        let expected = once()
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { once() } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.contains("<span>m29</span>"))
    }
}
