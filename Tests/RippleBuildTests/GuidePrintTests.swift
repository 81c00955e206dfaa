import Foundation
import RippleBuild
import RippleCore
import RippleRender
import Testing
import RippleTestSupport

@Suite("Guide: print page and PDF")
struct GuidePrintTests {
    @Test func printPagePrefixesIdsAndRewritesChapterLinks() throws {
        let builder = try GuideTestSupport.sampleBuilder()
        let html = String(decoding: try builder.render(.html), as: UTF8.self)
        #expect(html.contains("<article class=\"chapter\" id=\"ch-1\""))
        #expect(html.contains("id=\"ch-1-the-ripple-effect\""))
        // 01 links to 02's "reverse-mentoring" section.
        #expect(html.contains("href=\"#ch-2-reverse-mentoring\""))
        #expect(html.contains("<a href=\"#ch-3\">"))
        #expect(!html.contains("ripple-chapter:"))
        #expect(!html.contains("class=\"anchor\""))
    }

    /// `ripple guide --format html` is one file to send: the theme's stylesheet inline (whatever the site's own
    /// template links) and the images as `data:` URLs; the site's `guide/print.html` links them.
    @Test func theHTMLFormIsASingleFile() throws {
        let builder = try GuideTestSupport.sampleBuilder()
        let single = String(decoding: try builder.render(.html), as: UTF8.self)
        #expect(!single.contains("<link rel=\"stylesheet\""))
        let css = String(decoding: try #require(builder.model.themeAssets["assets/css/print.css"]), as: UTF8.self)
        #expect(single.contains("<style>\n" + css.replacingOccurrences(of: "</style", with: "<\\/style") + "\n</style>"))
        let sink = MemorySink()
        _ = try builder.build(to: sink)
        let page = try #require(sink.text(PrintRenderer.outputPath))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/css/print.css\">"))
        #expect(!page.contains("<style>"))

        let chapter = GuideTestSupport.chapter("01-start.md", "# Start\n\n![A chart](img/chart.png)\n")
        let model = GuideTestSupport.model(builder.model, content: SiteContent(
            chapters: [chapter], staticFiles: [StaticFile(source: "content/guide/img/chart.png", outputPath: "guide/img/chart.png")]))
        let withImage = GuideBuilder(model: model, files: ["content/guide/img/chart.png": [0x89, 0x50, 0x4E, 0x47]], pdfEngine: nil)
        let html = String(decoding: try withImage.render(.html), as: UTF8.self)
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw==\" alt=\"A chart\" />"))
    }

    /// The print edition names the online guide only when the site knows its address (no empty link).
    @Test func theOnlineAddressNeedsABaseURL() throws {
        let sample = try GuideTestSupport.sampleBuilder()
        func printed(baseURL: String) throws -> String {
            var config = sample.model.config
            config.baseURL = baseURL
            let builder = GuideBuilder(model: GuideTestSupport.model(sample.model, config: config), files: [:], pdfEngine: nil)
            return String(decoding: try builder.render(.html), as: UTF8.self)
        }
        #expect(try !printed(baseURL: "").contains("<p class=\"book-online\""))
        #expect(try printed(baseURL: "https://intranet.example.com/m/").contains(
            "<p class=\"book-online\">Read online: <a href=\"https://intranet.example.com/m/guide/\">https://intranet.example.com/m/guide/</a></p>"))
    }

    @Test func downloadsFollowThePDFSetting() {
        var config = SiteConfig()
        config.guide.slug = "g"
        #expect(GuideBuilder.downloads(config: config, hasChapters: true, pdfAvailable: true).map(\.path)
            == ["guide/g.epub", "guide/g.pdf", "guide/print.html"])
        #expect(GuideBuilder.downloads(config: config, hasChapters: true, pdfAvailable: false).map(\.path)
            == ["guide/g.epub", "guide/print.html"])
        config.guide.pdf = .never
        #expect(GuideBuilder.downloads(config: config, hasChapters: true, pdfAvailable: true).map(\.format) == ["epub", "html"])
        #expect(GuideBuilder.downloads(config: config, hasChapters: false, pdfAvailable: true).isEmpty)
    }

    @Test func missingEngineIsANoteInAutoModeAndAnErrorWhenRequired() throws {
        let chapters = [GuideTestSupport.chapter("01-a.md", "# A\n\nText.\n")]
        let sink = MemorySink()
        var builder = try GuideTestSupport.builder(chapters: chapters)
        // No template library in this in-memory site: give it the print layout only.
        builder.model = GuideTestSupport.model(builder.model, templates: try .init(sources: [
            .init(name: "layouts/guide-print", path: "t", text: "{{guide.title}}")]))
        #expect(try builder.build(to: sink).map(\.description) == ["note: PDF skipped: WeasyPrint is not installed (apt-get install weasyprint)"])
        #expect(sink.files.keys.sorted() == ["guide/print.html", "guide/test-guide.epub"])
        var config = builder.model.config
        config.guide.pdf = .always
        builder.model = GuideTestSupport.model(builder.model, config: config)
        #expect(throws: DiagnosticError.self) { try builder.build(to: MemorySink()) }
    }

    @Test(.enabled(if: RequiredTool.present("weasyprint", "pdftotext"), "needs weasyprint and poppler-utils (apt-get install weasyprint poppler-utils)"))
    func pdfHasTheTableOfContentsPageNumbersAndBookmarks() throws {
        let pdf = try #require(try GuideTestSupport.samplePDF(), "WeasyPrint is not installed")
        #expect(try GuideTestSupport.sampleBuilder().render(.pdf) == pdf, "the PDF should be byte-for-byte reproducible")
        let file = try GuideTestSupport.temporaryFile("guide.pdf", pdf)
        let text = try #require(GuideTestSupport.run("pdftotext", ["-layout", file.path, "-"]), "pdftotext is not installed")
        #expect(text.output.contains("The Ripple Effect"))
        #expect(text.output.contains("Contents"))
        // A TOC line: chapter number, title, dot leader and a page number.
        #expect(text.output.range(of: #"1\s+Why mentoring matters \.+\s*\d+"#, options: .regularExpression) != nil)
        #expect(text.output.contains("CHAPTER 10"))
        if let info = GuideTestSupport.run("pdfinfo", [file.path]) {
            #expect(info.output.contains("Page size:       595.276 x 841.89 pts (A4)"))
        }
        // The outline (bookmarks) names every chapter.
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        #expect(raw.contains("/Title (Reciprocal mentoring in practice)"))
    }
}
