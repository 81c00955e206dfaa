import Foundation
import RippleCore
import RippleTestSupport
import Testing
import ZIPFoundation
@testable import RippleBuild

/// `ripple import` on the synthetic books of Fixtures/synthetic (written by its generate.py): an mdBook of 6 parts
/// and 116 chapters (nested and draft chapters, includes by anchor and line range, `{{#rustdoc_include}}`,
/// `{{#playground}}`, alerts, tables with escaped pipes, footnotes, `<details>`, comments, images, `.html` links,
/// heading anchors) and a Hugo docs section (YAML and TOML front matter, weights, `_index.md`, refs, `highlight`,
/// `note`/`warning` shortcodes, aliases, a draft, a page bundle with its image). Both build with no error or
/// warning and no markup shows in any page, EPUB chapter or print edition.
@Suite struct ImportedFixtureBookTests {
    /// Markup that shows when something was not mapped (the `{{<`, `{{%` and `{% ` of Hugo and Jekyll, `]]` of wikis).
    static let rawMarkup = ["[!NOTE]", "[!TIP]", "[!WARNING]", "<!--", "{{#include", "{{#", "&lt;details", "|---", "|:--",
                            "{{<", "{{%", "{% ", "]]", "[^", "&lt;kbd", "&lt;img"]

    private static func files(_ name: String) -> [String: [UInt8]] {
        let root = TestSite.fixtures.appending(path: "synthetic/" + name)
        var files: [String: [UInt8]] = [:]
        for entry in FolderWalk.files(in: root.path) { files[entry.relative] = FolderWalk.read(entry.path) }
        return files
    }

    /// Writes the imported site (no PDF: WeasyPrint is tested elsewhere), builds it and returns its diagnostics.
    private static func build(_ imported: ImportedSite) throws -> (TestSite, [Diagnostic]) {
        let site = try TestSite()
        for file in imported.files where file.path != "ripple.yaml" { try site.write(file.path, bytes: file.bytes) }
        let config = imported.files.first { $0.path == "ripple.yaml" }!
        try site.write("ripple.yaml", String(decoding: config.bytes, as: UTF8.self).replacing("guide:\n", with: "guide:\n  pdf: never\n"))
        return (site, try SiteBuilder(source: site.root, output: site.output).build().diagnostics)
    }

    /// Every HTML page, the print edition and each XHTML file of the EPUB, by name.
    private static func outputTexts(_ output: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        for entry in FolderWalk.files(in: output.path) where entry.relative.hasSuffix(".html") {
            texts[entry.relative] = String(decoding: FolderWalk.read(entry.path) ?? [], as: UTF8.self)
        }
        let archive = try Archive(url: output.appending(path: "guide/guide.epub"), accessMode: .read)
        for entry in archive where entry.path.hasSuffix(".xhtml") {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            texts["guide.epub/" + entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return texts
    }

    private static func visibleMarkup(_ texts: [String: String]) -> [String] {
        texts.sorted { $0.key < $1.key }.flatMap { name, text in
            rawMarkup.filter { text.contains($0) }.map { "\($0) in \(name)" }
        }
    }

    @Test func hundredChapterMdBookImportsAndBuildsClean() throws {
        let imported = try BookImporter.mdBook(Self.files("mdbook"))
        let chapters = imported.files.filter { $0.path.hasPrefix("content/guide/") && $0.path.hasSuffix(".md") }
        #expect(chapters.count == 116)
        #expect(ImportNotes.grouped(imported.notes) == [
            "'…' is a draft in the table of contents (no file), so it was left out (6×: src/SUMMARY.md:13:7, "
                + "src/SUMMARY.md:35:7, src/SUMMARY.md:57:7 and 3 more)",
            "24 chapters nested more than two levels deep were put at the second level (Ripple shows parts and their chapters) (1×)",
            "{{#title Mentoring Field Guide}} was dropped (the guide's title is in ripple.yaml) (1×: src/README.md)",
        ])
        let (site, diagnostics) = try Self.build(imported)
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics)")
        let texts = try Self.outputTexts(site.output)
        #expect(texts.keys.filter { $0.hasPrefix("guide.epub/") }.count >= 116)
        #expect(Self.visibleMarkup(texts).isEmpty, "\(Self.visibleMarkup(texts))")
        let chapter = try #require(texts["guide/step-1/index.html"])
        for expected in ["<aside class=\"alert alert-note\" role=\"note\" aria-label=\"Note\">",
                         "<td class=\"align-right\"><code>a | b</code></td>", "<code class=\"language-rust\">fn goal()",
                         "role=\"doc-noteref\"", "<a href=\"../step-2/index.html\">the next step</a>",
                         "<span class=\"chapter-list__num\" aria-hidden=\"true\">2.1</span>"] {
            #expect(chapter.contains(expected), "\(expected)")
        }
        // The chapter's own heading is its title, its SUMMARY.md label its sidebar label (as in mdBook); the
        // book's title is the site's and the guide's, so the document titles name it once.
        #expect(chapter.contains("<title>2.1. Getting started: step 1 · Mentoring Field Guide</title>"))
        #expect(chapter.contains("<h1 class=\"chapter-head__title\">Getting started: step 1</h1>"))
        #expect(chapter.contains("<span class=\"chapter-list__title\">Step 1</span>"))
        #expect(texts["guide/index.html"]?.contains("<title>Mentoring Field Guide</title>") == true)
        // The introduction's link to the first step's opening heading (its page title) leads to the page.
        #expect(texts["guide/introduction/index.html"]?.contains("<a href=\"../step-1/index.html\">the first step</a>") == true)
        if RequiredTool.present("epubcheck") {
            // Debian's epubcheck 4.2 checks one file a run.
            let result = try #require(GuideTestSupport.run("epubcheck", [site.output.appending(path: "guide/guide.epub").path]))
            #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
        }
    }

    @Test func hugoSectionImportsAndBuildsClean() throws {
        let imported = BookImporter.folder(Self.files("hugo"), title: "Docs")
        #expect(ImportNotes.grouped(imported.notes) == [
            "Hugo '…' (old addresses) get no redirect pages; the key is kept as a page parameter (1×: getting-started/install.md:5)",
            "the Hugo shortcode '…' has no Ripple equivalent, so it was dropped (its inner text kept) (1×: getting-started/configure.md:15)",
        ])
        let install = String(decoding: try #require(imported.files.first { $0.path.hasSuffix("install-the-tools.md") }).bytes, as: UTF8.self)
        #expect(install.contains("> [!NOTE]\n> You need an account first.\n\n```yaml\ntitle: My program\n```\n"))
        let (site, diagnostics) = try Self.build(imported)
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics)")
        let texts = try Self.outputTexts(site.output)
        #expect(Self.visibleMarkup(texts).isEmpty, "\(Self.visibleMarkup(texts))")
        #expect(texts["guide/ideas/index.html"] == nil, "the draft page was published")
        let pairs = try #require(texts["guide/pairs/index.html"])
        #expect(pairs.contains("<img src=\"../concepts/pairs/pair.png\" alt=\"A pair\""))
        #expect(pairs.contains("alt=\"The same pair\" title=\"A pair at work\""))
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "guide/concepts/pairs/pair.png").path))
        if RequiredTool.present("epubcheck") {
            let result = try #require(GuideTestSupport.run("epubcheck", [site.output.appending(path: "guide/guide.epub").path]))
            #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
        }
    }
}
