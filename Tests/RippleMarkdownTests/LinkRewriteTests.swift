import RippleCore
import RippleMarkdown
import Testing

@Suite struct LinkRewriteTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    @Test func replaceSetsNewDestination() {
        var seen: [LinkTarget] = []
        let result = renderer.render("See [roles](02-roles.md#mentor) and [site](https://example.org).\n",
                                     file: "content/guide/01-why.md", lineOffset: 4) { target in
            seen.append(target)
            return target.destination.hasPrefix("02") ? .replace("02-roles.html#mentor") : .keep
        }
        #expect(result.html ==
            "<p>See <a href=\"02-roles.html#mentor\">roles</a> and <a href=\"https://example.org\">site</a>.</p>\n")
        #expect(seen.map(\.destination) == ["02-roles.md#mentor", "https://example.org"])
        #expect(seen.map(\.isImage) == [false, false])
        #expect(seen.map(\.location) == [
            SourceLocation(file: "content/guide/01-why.md", line: 5, column: 5),
            SourceLocation(file: "content/guide/01-why.md", line: 5, column: 37),
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func failReportsEveryProblemAtItsLocation() {
        let markdown = """
            Intro paragraph.

            - Read [the missing chapter](missing.md)
            - Then > [é](also-missing.md) and *[nested](gone.md)*
            """
        let result = renderer.render(markdown, file: "content/guide/03-matching.md", lineOffset: 5) { target in
            .fail(.error("link to '\(target.destination)' goes nowhere", at: target.location,
                         hint: "Check the file name."))
        }
        #expect(result.diagnostics.map(\.description) == [
            "content/guide/03-matching.md:8:8: error: link to 'missing.md' goes nowhere\n  hint: Check the file name.",
            "content/guide/03-matching.md:9:10: error: link to 'also-missing.md' goes nowhere\n  hint: Check the file name.",
            "content/guide/03-matching.md:9:36: error: link to 'gone.md' goes nowhere\n  hint: Check the file name.",
        ])
        #expect(result.html.contains("<a href=\"missing.md\">the missing chapter</a>"))
    }

    @Test func imagesAreRewrittenToo() {
        var seen: [LinkTarget] = []
        let result = renderer.render("Text\n\n  ![A chart](img/chart.png \"Title\")\n", file: "p.md", lineOffset: 2) {
            seen.append($0)
            return .replace("../assets/chart.png")
        }
        #expect(result.html == "<p>Text</p>\n<p><img src=\"../assets/chart.png\" alt=\"A chart\" title=\"Title\" /></p>\n")
        #expect(seen.count == 1)
        #expect(seen.first?.isImage == true)
        #expect(seen.first?.location == SourceLocation(file: "p.md", line: 5, column: 3))
    }

    @Test func linksInsideHeadingsAreRewritten() {
        let result = renderer.render("## See [roles](r.md)\n", file: "a.md") { _ in .replace("r.html") }
        #expect(result.html.hasPrefix("<h2 id=\"see-roles\">See <a href=\"r.html\">roles</a> <a class=\"anchor\""))
    }
}
