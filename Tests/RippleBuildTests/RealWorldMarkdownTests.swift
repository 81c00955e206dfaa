import Foundation
import RippleCore
import Testing
@testable import RippleBuild

/// Markdown nobody here wrote (Fixtures/real-world, with its licence), built as a guide chapter as written.
@Suite struct RealWorldMarkdownTests {
    private static func fixture(_ path: String) throws -> String {
        try String(contentsOf: TestSite.fixtures.appending(path: "real-world/" + path), encoding: .utf8)
    }

    /// Hugo's documentation page on summaries: Hugo front matter keys, GitHub alerts (one in lower case), a pipe
    /// table without outer pipes, aligned columns and `&nbsp;` in a cell.
    @Test func hugoDocsPageBuildsWithoutVisibleMarkup() throws {
        let site = try TestSite(files: [
            "ripple.yaml": "title: T\nguide:\n  pdf: never\n",
            "content/index.md": "# Home\n",
            "content/guide/01-summaries.md": try Self.fixture("hugo-docs/summaries.md"),
        ])
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let page = try String(contentsOf: site.output.appending(path: "guide/summaries/index.html"), encoding: .utf8)
        for expected in ["<title>1. Content summaries ·", "Create and render content summaries.",
                         "<aside class=\"alert alert-note\" role=\"note\" aria-label=\"Note\">",
                         "<aside class=\"alert alert-warning\" role=\"note\" aria-label=\"Warning\">",
                         "<th class=\"align-center\">Precedence</th>", "<td class=\"align-left\">Front\u{A0}matter</td>",
                         "<a href=\"https://github.com/gohugoio/hugo/issues/14044\">#14044</a>"] {
            #expect(page.contains(expected), "\(expected)")
        }
        for raw in ["[!NOTE]", "[!warning]", ":--|", "|:-:", "—|"] {
            #expect(!page.contains(raw), "\(raw) is visible")
        }
        let epub = site.output.appending(path: "guide/guide.epub")
        if RequiredTool.present("epubcheck") {
            let result = try #require(GuideTestSupport.run("epubcheck", [epub.path]))
            #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
        }
    }
}
