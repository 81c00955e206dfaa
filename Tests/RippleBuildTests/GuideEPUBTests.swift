import Foundation
import RippleBuild
import RippleCore
import RippleRender
import Testing
import RippleTestSupport

@Suite("Guide: EPUB")
struct GuideEPUBTests {
    private func book(_ builder: GuideBuilder) throws -> EPUBBook {
        let (chapters, diagnostics) = GuideChapterRenderer(model: builder.model).render()
        #expect(diagnostics.isEmpty)
        return try EPUBRenderer(model: builder.model).render(chapters, files: builder.files)
    }

    private let twoChapters = [
        GuideTestSupport.chapter("01-start.md", "# Getting started\n\nRead [the next part](02-next.md#step-two) and [join](../pages/join.md).\n\n## First steps\n\nText.\n"),
        GuideTestSupport.chapter("02-next.md", "## Step two\n\nBack to [the start](01-start.md).\n", title: "Next", date: Day(iso: "2026-03-05")),
    ]

    @Test func packageDocumentHasMetadataManifestAndSpine() throws {
        let book = try book(try GuideTestSupport.builder(chapters: twoChapters))
        #expect(book.entries.first?.path == "mimetype")
        #expect(book.entries.first?.compressed == false)
        let opf = try #require(GuideTestSupport.text(book, "EPUB/package.opf"))
        let uuid = BookIdentifier.uuid5(name: "https://intranet.example.com/mentoring/guide/test-guide")
        #expect(opf.contains("<dc:identifier id=\"book-id\">urn:uuid:\(uuid)</dc:identifier>"))
        #expect(opf.contains("<dc:title>Test Guide</dc:title>"))
        #expect(opf.contains("<dc:creator>People Team</dc:creator>"))
        #expect(opf.contains("<dc:publisher>Acme &amp; Co</dc:publisher>"))
        #expect(opf.contains("<dc:language>en</dc:language>"))
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-03-05T00:00:00Z</meta>"))
        #expect(opf.contains("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"))
        #expect(opf.contains("<item id=\"cover-image\" href=\"cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\"/>"))
        #expect(opf.contains("<spine toc=\"ncx\">\n    <itemref idref=\"cover\"/>\n    <itemref idref=\"titlepage\"/>\n    <itemref idref=\"nav\"/>\n    <itemref idref=\"chapter-01\"/>\n    <itemref idref=\"chapter-02\"/>\n  </spine>"))
    }

    @Test func identifierIsAVersion5UUID() {
        // RFC 4122 appendix-style check: uuid5(URL namespace, "http://python.org/") is well known.
        #expect(BookIdentifier.uuid5(name: "http://python.org/") == "4c565f0d-3f5a-5890-b41b-20cf47701c5e")
    }

    @Test func navigationAndNCXListChaptersAndSections() throws {
        let book = try book(try GuideTestSupport.builder(chapters: twoChapters))
        let nav = try #require(GuideTestSupport.text(book, "EPUB/nav.xhtml"))
        #expect(nav.contains("<nav epub:type=\"toc\" id=\"toc\""))
        #expect(nav.contains("<li><a href=\"chapter-01.xhtml\">Getting started</a>\n<ol>\n<li><a href=\"chapter-01.xhtml#first-steps\">First steps</a></li>\n</ol>\n</li>"))
        #expect(nav.contains("<nav epub:type=\"landmarks\""))
        #expect(nav.contains("<a epub:type=\"bodymatter\" href=\"chapter-01.xhtml\">"))
        let ncx = try #require(GuideTestSupport.text(book, "EPUB/toc.ncx"))
        #expect(ncx.contains("<meta name=\"dtb:uid\" content=\"urn:uuid:"))
        #expect(ncx.contains("<navPoint id=\"nav-2\" playOrder=\"2\">\n        <navLabel><text>First steps</text></navLabel>\n        <content src=\"chapter-01.xhtml#first-steps\"/>"))
        #expect(ncx.contains("<navPoint id=\"nav-3\" playOrder=\"3\">\n      <navLabel><text>Next</text></navLabel>"))
    }

    @Test func linksBetweenChaptersGoToChapterFilesAndOthersToTheSite() throws {
        let book = try book(try GuideTestSupport.builder(chapters: twoChapters))
        let first = try #require(GuideTestSupport.text(book, "EPUB/chapter-01.xhtml"))
        #expect(first.contains("<a href=\"chapter-02.xhtml#step-two\">the next part</a>"))
        #expect(first.contains("<a href=\"https://intranet.example.com/mentoring/join/\">join</a>"))
        #expect(!first.contains("class=\"anchor\""))
        let noBase = try self.book(try GuideTestSupport.builder(chapters: twoChapters) { $0.baseURL = "" })
        let plain = try #require(GuideTestSupport.text(noBase, "EPUB/chapter-01.xhtml"))
        #expect(plain.contains(" and join.</p>"))
    }

    @Test func imagesAndInlineSVGAreDeclared() throws {
        let chapter = GuideTestSupport.chapter("01-start.md", "# Start\n\n![A chart](<img/chart one.png>)\n\n<svg viewBox=\"0 0 10 10\"><rect width=\"5\" height=\"5\"/></svg>\n")
        let builder = try GuideTestSupport.builder(
            chapters: [chapter], staticFiles: [StaticFile(source: "content/guide/img/chart one.png", outputPath: "guide/img/chart one.png")],
            files: ["content/guide/img/chart one.png": [0x89, 0x50, 0x4E, 0x47]]) { $0.markdown.unsafeHTML = true }
        let book = try book(builder)
        let opf = try #require(GuideTestSupport.text(book, "EPUB/package.opf"))
        #expect(opf.contains("<item id=\"img-1\" href=\"media/guide/img/chart-one.png\" media-type=\"image/png\"/>"))
        #expect(opf.contains("href=\"chapter-01.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\"/>"))
        let xhtml = try #require(GuideTestSupport.text(book, "EPUB/chapter-01.xhtml"))
        #expect(xhtml.contains("<img src=\"media/guide/img/chart-one.png\" alt=\"A chart\" />"))
        #expect(xhtml.contains("<svg viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">"))
        #expect(book.entries.contains { $0.path == "EPUB/media/guide/img/chart-one.png" })
    }

    @Test func missingCoverIsALocatedError() throws {
        let builder = try GuideTestSupport.builder(chapters: twoChapters) { $0.guide.cover = "images/cover.png" }
        #expect {
            _ = try builder.render(.epub)
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            return error.description == """
                ripple.yaml: error: field 'guide.cover': the cover image 'images/cover.png' does not exist
                  hint: put the image under content/ and give its path relative to content/, like 'images/cover.png'; or remove `cover:` to get a generated cover
                """
        }
    }

    @Test func missingChapterImageIsALocatedError() throws {
        let chapter = GuideTestSupport.chapter("01-start.md", "# Start\n\nSee this:\n\n![Team](img/team.png)\n")
        let builder = try GuideTestSupport.builder(chapters: [chapter])
        #expect {
            _ = try builder.render(.epub)
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            return error.description == """
                content/guide/01-start.md:8:1: error: an image that does not exist: 'img/team.png'
                  hint: put the file under content/ and link it relative to this page, like 'images/photo.png'
                """
        }
    }

    @Test func invalidSVGIsALocatedError() throws {
        let chapter = GuideTestSupport.chapter("01-start.md", "# Start\n\n<svg viewBox=\"0 0 10 10\">\n<rect width=\"5\">\n</svg>\n")
        let builder = try GuideTestSupport.builder(chapters: [chapter]) { $0.markdown.unsafeHTML = true }
        #expect {
            _ = try builder.render(.epub)
        } throws: { error in
            guard let error = error as? DiagnosticError, let first = error.diagnostics.first else { return false }
            return first.location == SourceLocation(file: "content/guide/01-start.md", line: 8)
                && first.message.hasPrefix("this SVG is not valid XML, so the EPUB cannot include it: ")
        }
    }

    /// Raw HTML in a chapter that XML cannot read stops the EPUB with an error at the chapter (the check every chapter
    /// document goes through before it is packed).
    @Test func chapterMarkupThatIsNotXMLIsALocatedError() throws {
        let chapter = GuideTestSupport.chapter("01-start.md", "# Start\n\nOne <b>two</p>\n")
        let builder = try GuideTestSupport.builder(chapters: [chapter]) { $0.markdown.unsafeHTML = true }
        #expect {
            _ = try builder.render(.epub)
        } throws: { error in
            guard let error = error as? DiagnosticError, let first = error.diagnostics.first else { return false }
            return error.diagnostics.count == 1 && first.location == SourceLocation(file: "content/guide/01-start.md")
                && first.message == "the chapter's HTML is not valid XML, so the EPUB cannot include it: an element is closed with the wrong end tag"
        }
    }

    /// A book must hold its images: one on another site becomes a link to it (alt text kept), with a located note,
    /// and the book still passes epubcheck.
    @Test(.enabled(if: RequiredTool.present("epubcheck"), "epubcheck is not installed (apt-get install epubcheck)"))
    func remoteImagesBecomeLinksWithANote() throws {
        let chapter = GuideTestSupport.chapter("01-start.md", "# Start\n\n![A \"remote\" chart](https://example.com/chart.png?a=1&b=2)\n\n![](//cdn.example.com/x.png)\n")
        let builder = try GuideTestSupport.builder(chapters: [chapter])
        let (chapters, diagnostics) = GuideChapterRenderer(model: builder.model).render()
        #expect(diagnostics.map(\.severity) == [.note, .note])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/guide/01-start.md", line: 6, column: 1))
        #expect(diagnostics.first?.hint == "to show it in the EPUB, save the image under content/ and link that file")
        let book = try EPUBRenderer(model: builder.model).render(chapters, files: builder.files)
        let xhtml = try #require(GuideTestSupport.text(book, "EPUB/chapter-01.xhtml"))
        #expect(!xhtml.contains("<img"))
        #expect(xhtml.contains("<a class=\"remote-image\" href=\"https://example.com/chart.png?a=1&amp;b=2\">Image: A “remote” chart</a>"))
        #expect(xhtml.contains("<a class=\"remote-image\" href=\"https://cdn.example.com/x.png\">Image</a>"))
        let file = try GuideTestSupport.temporaryFile("remote.epub", try EPUBWriter.zip(book))
        let result = try #require(GuideTestSupport.run("epubcheck", [file.path]), "epubcheck is not installed")
        #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
    }

    /// Tables, strikethrough, task lists, bare URLs, footnotes, alerts and definition lists all give valid XHTML.
    @Test(.enabled(if: RequiredTool.present("epubcheck"), "epubcheck is not installed (apt-get install epubcheck)"))
    func markdownExtensionsPassEPUBCheck() throws {
        let markdown = """
            # Extensions

            | Role | Hours | Note |
            |:--|:-:|--:|
            | Mentor | 2 | ~~weekly~~ monthly[^1] |
            | Mentee \\| lead | 1 | see www.example.org |

            - [x] meet
            - [ ] report

            > [!WARNING]
            > Keep notes *private*.

            > [!TIP]
            > Ask[^1] open questions.

            Mentor
            : Someone who *shares* what they know.

            [^1]: A [link](https://example.org/a_(b)) in a note.
            """
        let builder = try GuideTestSupport.builder(chapters: [GuideTestSupport.chapter("01-extensions.md", markdown)])
        let book = try self.book(builder)
        let xhtml = try #require(GuideTestSupport.text(book, "EPUB/chapter-01.xhtml"))
        for part in ["<th class=\"align-center\">Hours</th>", "<del>weekly</del>", "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                     "<aside class=\"alert alert-warning\"", "<section class=\"footnotes\"", "href=\"http://www.example.org\"", "<dt>\nMentor\n</dt>"] {
            #expect(xhtml.contains(part), "\(part)")
        }
        let file = try GuideTestSupport.temporaryFile("extensions.epub", try EPUBWriter.zip(book))
        let result = try #require(GuideTestSupport.run("epubcheck", [file.path]), "epubcheck is not installed")
        #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
    }

    /// Raw HTML as real books write it (comments with `--`, `<` in attribute values, `<a name>`, unclosed and
    /// stray tags, event handlers) is made safe and gives valid XHTML.
    @Test(.enabled(if: RequiredTool.present("epubcheck"), "epubcheck is not installed (apt-get install epubcheck)"))
    func safeRawHTMLPassesEPUBCheck() throws {
        let markdown = """
            # Raw HTML

            <!-- A comment -- with dashes -->
            <a name="top"></a>

            <details>
            <summary>Show <kbd>Ctrl</kbd>+<kbd>C</kbd></summary>

            Hidden *Markdown*.

            </details>

            <figure>
            <img src="https://example.com/x.png" alt="x < y" width="10">
            <figcaption>H<sub>2</sub>O, E=mc<sup>2</sup>, <mark>marked</mark>, <abbr title="M & C">M&amp;C</abbr>&nbsp;<br></figcaption>
            </figure>

            <table><tr><th colspan="2">A</th></tr><tr><td>1</td><td>2<br>3</td></tr></table>

            A <span class="x" style="color:red" onclick="x()">span</span>, <font>old</font> and <b>bold</i> [up](#top)

            <div class="note">Unclosed block
            """
        let builder = try GuideTestSupport.builder(chapters: [GuideTestSupport.chapter("01-raw.md", markdown)])
        let (chapters, diagnostics) = GuideChapterRenderer(model: builder.model).render()
        #expect(diagnostics.map(\.description) == [
            "content/guide/01-raw.md:23:3: warning: attribute 'style' of raw HTML <span> is not allowed, so it was removed\n"
                + "  hint: Ripple keeps only raw HTML that cannot run code or change the page (see `unsafe_html` in ripple.yaml)",
            "content/guide/01-raw.md:23:3: warning: attribute 'onclick' of raw HTML <span> is not allowed, so it was removed\n"
                + "  hint: Ripple keeps only raw HTML that cannot run code or change the page (see `unsafe_html` in ripple.yaml)",
            "content/guide/01-raw.md:23:64: warning: raw HTML <font> is not allowed, so it was removed\n"
                + "  hint: Ripple keeps only raw HTML that cannot run code or change the page (see `unsafe_html` in ripple.yaml)",
            "content/guide/01-raw.md:23:92: warning: </i> ends no open <i>, so it was removed\n"
                + "  hint: Ripple keeps only raw HTML that cannot run code or change the page (see `unsafe_html` in ripple.yaml)",
            "content/guide/01-raw.md:17:1: note: this image is on another site, so the EPUB links to it instead of showing it (a book must hold its images)\n"
                + "  hint: to show it in the EPUB, save the image under content/ and link that file",
        ])
        let book = try EPUBRenderer(model: builder.model).render(chapters, files: builder.files)
        let xhtml = try #require(GuideTestSupport.text(book, "EPUB/chapter-01.xhtml"))
        for part in ["<a id=\"top\"></a>", "<summary>Show <kbd>Ctrl</kbd>+<kbd>C</kbd></summary>", "<p>Hidden <em>Markdown</em>.</p>\n</details>",
                     "<abbr title=\"M &amp; C\">M&amp;C</abbr>", "<span class=\"x\">span</span>", "<b>bold <a href=\"#top\">up</a></b></p>",
                     "<div class=\"note\">Unclosed block\n</div>"] {
            #expect(xhtml.contains(part), "\(part)")
        }
        #expect(!xhtml.contains("<!--"))
        let file = try GuideTestSupport.temporaryFile("raw-html.epub", try EPUBWriter.zip(book))
        let result = try #require(GuideTestSupport.run("epubcheck", [file.path]), "epubcheck is not installed")
        #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
    }

    /// A part's chapters are nested under it in the EPUB's navigation, which epubcheck accepts.
    @Test(.enabled(if: RequiredTool.present("epubcheck"), "epubcheck is not installed (apt-get install epubcheck)"))
    func partsNestInTheNavigation() throws {
        var part = GuideTestSupport.chapter("02-basics.md", "# Basics\n\n## Overview\n\nText.\n")
        var child = GuideTestSupport.chapter("03-plan.md", "# Plan\n\nText.\n")
        part.depth = 1
        child.depth = 2
        let chapters = [GuideTestSupport.chapter("01-why.md", "# Why\n\nText.\n"), part, child]
        let builder = try GuideTestSupport.builder(chapters: chapters)
        let book = try self.book(builder)
        let nav = try #require(GuideTestSupport.text(book, "EPUB/nav.xhtml"))
        #expect(nav.contains("""
            <li><a href="chapter-02.xhtml">Basics</a>
            <ol>
            <li><a href="chapter-02.xhtml#overview">Overview</a></li>
            <li><a href="chapter-03.xhtml">Plan</a></li>
            </ol>
            </li>
            """))
        let file = try GuideTestSupport.temporaryFile("parts.epub", try EPUBWriter.zip(book))
        let result = try #require(GuideTestSupport.run("epubcheck", [file.path]), "epubcheck is not installed")
        #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
        let model = GuideTestSupport.model(try GuideTestSupport.sampleBuilder().model, content: SiteContent(chapters: chapters))
        let print = String(decoding: try GuideBuilder(model: model, files: [:], pdfEngine: nil).render(.html), as: UTF8.self)
        #expect(print.contains("<p class=\"chapter-number\">Chapter 2.1</p>"))
        #expect(print.contains("<li class=\"toc-chapter toc-chapter--nested\"><a href=\"#ch-3\"><span class=\"toc-number\">2.1</span> Plan</a>"))
    }

    @Test func twoBuildsGiveIdenticalBytes() throws {
        let builder = try GuideTestSupport.sampleBuilder()
        let first = try builder.render(.epub)
        let second = try GuideTestSupport.sampleBuilder().render(.epub)
        #expect(first == second)
        #expect(Array(first[30..<38]) == Array("mimetype".utf8))
    }

    @Test(.enabled(if: RequiredTool.present("epubcheck"), "epubcheck is not installed (apt-get install epubcheck)"))
    func sampleGuidePassesEPUBCheck() throws {
        let epub = try GuideTestSupport.sampleBuilder().render(.epub)
        let file = try GuideTestSupport.temporaryFile("sample.epub", epub)
        let result = try #require(GuideTestSupport.run("epubcheck", [file.path]), "epubcheck is not installed")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("0 fatals / 0 errors / 0 warnings"), "\(result.output)")
    }
}
