import Foundation
import RippleCore
import Testing
@testable import RippleBuild
import RippleTestSupport

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

/// `ripple import` on a book nobody here wrote: mdBook's own guide (Fixtures/real-world/mdbook-guide, cut to a few
/// chapters, with its licence).
@Suite struct ImportedBookTests {
    private static func bookFiles(_ name: String) -> [String: [UInt8]] {
        let root = TestSite.fixtures.appending(path: "real-world/" + name)
        var files: [String: [UInt8]] = [:]
        for entry in FolderWalk.files(in: root.path) { files[entry.relative] = FolderWalk.read(entry.path) }
        return files
    }

    @Test func importedMdBookBuildsWithoutProblemsOrVisibleMarkup() throws {
        let imported = try BookImporter.mdBook(Self.bookFiles("mdbook-guide"))
        #expect(imported.files.map(\.path) == [
            "content/guide/01-introduction.md", "content/guide/02-command-line-tool/01-init.md",
            "content/guide/02-command-line-tool/_index.md", "content/guide/03-format/_index.md",
            "content/guide/format/images/rust-logo-blk.svg", "content/index.md", "ripple.yaml",
        ])
        #expect(imported.notes.first == "src/SUMMARY.md:7:7: 'SUMMARY.md' is a draft in the table of contents (no file), so it was left out")
        #expect(imported.notes.contains("src/cli/README.md: the link 'build.md' leads to nothing in the book, so only its text was kept"))
        let site = try TestSite()
        for file in imported.files { try site.write(file.path, bytes: file.bytes) }
        try site.write("ripple.yaml", String(decoding: imported.files.last!.bytes, as: UTF8.self)
            .replacing("guide:\n", with: "guide:\n  pdf: never\n"))
        let diagnostics = try SiteBuilder(source: site.root, output: site.output).build().diagnostics
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics)")
        let initPage = try String(contentsOf: site.output.appending(path: "guide/init/index.html"), encoding: .utf8)
        #expect(initPage.contains("<span class=\"chapter-list__num\" aria-hidden=\"true\">2.1</span>"))
        let format = try String(contentsOf: site.output.appending(path: "guide/format/index.html"), encoding: .utf8)
        for expected in ["I am hidden! Expand", "{{#include file.rs:2:10}}", "<img class=\"right\" src=\"images/rust-logo-blk.svg\"",
                         "<div class=\"warning\">", "id=\"rust-code-block-attributes\""] {
            #expect(format.contains(expected), "\(expected)")
        }
        for page in ["guide/introduction/index.html", "guide/command-line-tool/index.html", "guide/init/index.html", "guide/format/index.html"] {
            let html = try String(contentsOf: site.output.appending(path: page), encoding: .utf8)
            // The format chapter documents mdBook's syntax and HTML in code, so only markup nobody wrote as text counts.
            let visible = page.contains("format") ? ["[!NOTE]", "<!--", "&lt;details", "|---", "\\{{#include"]
                : ["[!NOTE]", "<!--", "\\{{#", "{{#", "&lt;details", "|---", "&lt;div"]
            for raw in visible {
                #expect(!html.contains(raw), "\(raw) is visible on \(page)")
            }
        }
        if RequiredTool.present("epubcheck") {
            let result = try #require(GuideTestSupport.run("epubcheck", [site.output.appending(path: "guide/guide.epub").path]))
            #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
        }
    }
}
