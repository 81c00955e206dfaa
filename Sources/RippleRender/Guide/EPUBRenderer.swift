import RippleCore

/// Builds the guide's EPUB 3 as a list of files in memory: package document, navigation document and NCX,
/// one XHTML file per chapter, the book stylesheet, the images the chapters show, and a cover.
package struct EPUBRenderer: Sendable {
    /// The site.
    package var model: SiteModel

    /// Creates a renderer.
    package init(model: SiteModel) { self.model = model }

    /// Where the configured cover image is, relative to the site folder.
    var coverSource: String? { model.config.guide.cover.map { "content/" + $0 } }

    /// Builds the book from rendered chapters; `files` gives the bytes of files under `content/` by path.
    /// Throws located diagnostics (missing cover, chapter markup that is not XML) and writes nothing then.
    package func render(_ chapters: [GuideChapter], files: [String: [UInt8]]) throws(DiagnosticError) -> EPUBBook {
        let (entries, modified) = try render(chapters, files: files, pack: { $0 })
        return EPUBBook(entries: entries, modified: modified)
    }

    /// `render(_:files:)` with every entry handed to `pack` as soon as it is made, on any thread (the zip
    /// writer deflates it there): the book's chapters are never all held uncompressed. Entries in zip order.
    package func render<Packed: Sendable>(_ chapters: [GuideChapter], files: [String: [UInt8]],
                                          pack: @escaping @Sendable (EPUBEntry) -> Packed) throws(DiagnosticError) -> (entries: [Packed], modified: Int) {
        let meta = EPUBMetadata(config: model.config, chapters: chapters.map(\.page))
        var problems: [Diagnostic] = []
        var items: [EPUBManifestItem] = []
        var resources: [EPUBEntry] = []

        // Cover: the configured image, else a generated one.
        let coverHref: String
        if let cover = model.config.guide.cover, let source = coverSource {
            let location = SourceLocation(file: "ripple.yaml", field: "guide.cover")
            if let type = EPUBMedia.imageType(of: source) {
                if let bytes = files[source] {
                    let ext = String(source[source.index(after: source.lastIndex(of: ".")!)...]).lowercased()
                    coverHref = "cover." + ext
                    resources.append(EPUBEntry(path: "EPUB/" + coverHref, bytes: bytes, compressed: type == "image/svg+xml"))
                    items.append(EPUBManifestItem(id: "cover-image", href: coverHref, mediaType: type, properties: "cover-image"))
                } else {
                    coverHref = ""
                    problems.append(.error("the cover image '\(cover)' does not exist", at: location,
                                           hint: "put the image under content/ and give its path relative to content/, like 'images/cover.png'; or remove `cover:` to get a generated cover"))
                }
            } else {
                coverHref = ""
                problems.append(.error("the cover image '\(cover)' cannot go into the EPUB: e-book readers only show PNG, JPEG, GIF and SVG images",
                                       at: location, hint: "save the cover as PNG or JPEG and point `cover:` at that file"))
            }
        } else {
            coverHref = "cover.svg"
            let svg = GeneratedCover.svg(title: model.config.guide.title, author: model.config.guide.author,
                                         organisation: model.config.organisation)
            resources.append(EPUBEntry(path: "EPUB/cover.svg", text: svg))
            items.append(EPUBManifestItem(id: "cover-image", href: coverHref, mediaType: "image/svg+xml", properties: "cover-image"))
        }

        // Images the chapters show, each once, in path order.
        let staticFiles = model.content.staticFiles
        var imageHrefs: [String: String] = [:]
        var usedNames: Set<String> = []
        for source in Set(chapters.flatMap(\.imageSources)).sorted() {
            var name = "media/" + EPUBMedia.safeName(source)
            var n = 1
            while usedNames.contains(name) { n += 1; name = "media/\(n)-" + EPUBMedia.safeName(source) }
            usedNames.insert(name)
            imageHrefs[source] = name
            guard let bytes = files[source], let type = EPUBMedia.imageType(of: source) else {
                problems.append(.error("an image that does not exist: '\(source)'", at: SourceLocation(file: source),
                                       hint: "put the file under content/ and link it relative to the chapter"))
                continue
            }
            resources.append(EPUBEntry(path: "EPUB/" + name, bytes: bytes, compressed: type == "image/svg+xml"))
            items.append(EPUBManifestItem(id: "img-\(usedNames.count)", href: name, mediaType: type))
        }

        // Chapters, in parallel: rewriting and checking each one's markup is most of the book's time.
        let width = max(2, String(chapters.count).count)
        let fileName: @Sendable (Int) -> String = { number in
            let digits = String(number)
            return "chapter-" + String(repeating: "0", count: max(0, width - digits.count)) + digits + ".xhtml"
        }
        let style = GuideLinks.Style(
            chapter: { number, fragment in fileName(number) + (fragment.map { "#" + $0 } ?? "") },
            file: { [imageHrefs] index in imageHrefs[staticFiles[index].source] ?? "" },
            idPrefix: nil)
        let language = meta.language
        // The navigation document and the NCX (tens of MB for a big book) need only the chapters' titles: written and
        // packed on one core while the chapters take the others, not after them.
        let points = EPUBDocuments.points(chapters) { fileName($0.number) }
        let firstChapterHref = chapters.first.map { fileName($0.number) }
        let contents = BackgroundWork { () -> [Packed] in
            [EPUBEntry(path: "EPUB/nav.xhtml", text: EPUBDocuments.navigation(meta, points: points, coverHref: "cover.xhtml",
                                                                               firstChapterHref: firstChapterHref)),
             EPUBEntry(path: "EPUB/toc.ncx", text: EPUBDocuments.ncx(meta, points: points))].map(pack)
        }
        let documents: [Result<(Packed, EPUBManifestItem), DiagnosticError>] = chapters.parallelMap { chapter in
            let body = Self.chapterBody(chapter.html, style: style)
            let e = XHTML.escape
            let section = """
                <section epub:type="chapter" role="doc-chapter" aria-labelledby="chapter-heading">
                <h1 id="chapter-heading"><span class="chapter-number">Chapter \(chapter.number)</span> \(e(chapter.title))</h1>
                \(body)</section>

                """
            let document = EPUBDocuments.xhtml(title: chapter.title, language: language, body: section, bodyType: "bodymatter")
            if let problem = XHTML.wellFormednessProblem(ofDocument: document) {
                return .failure(DiagnosticError(.error(
                    "the chapter's HTML is not valid XML, so the EPUB cannot include it: \(problem.message)",
                    at: SourceLocation(file: chapter.page.source),
                    hint: "check the raw HTML in the chapter: close every element (<br />), quote every attribute and match every end tag")))
            }
            let name = fileName(chapter.number)
            return .success((pack(EPUBEntry(path: "EPUB/" + name, text: document)),
                             EPUBManifestItem(id: "chapter-\(name.dropFirst("chapter-".count).dropLast(".xhtml".count))",
                                              href: name, mediaType: "application/xhtml+xml",
                                              properties: chapter.hasSVG ? "svg" : "", inSpine: true)))
        }
        var chapterEntries: [Packed] = []
        var chapterItems: [EPUBManifestItem] = []
        for document in documents {
            switch document {
            case .success(let (entry, item)):
                chapterEntries.append(entry)
                chapterItems.append(item)
            case .failure(let error): problems += error.diagnostics
            }
        }
        let (navigation, _) = contents.wait()  // before any error is thrown: no work outlives the call
        guard problems.isEmpty else { throw DiagnosticError(problems.sortedByLocation) }

        let coverPage = EPUBDocuments.xhtml(
            title: meta.title, language: language,
            body: "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"\(XHTML.escape(coverHref))\" alt=\"\(XHTML.escape(meta.title))\"/>\n</section>\n")
        let titlePage = EPUBDocuments.xhtml(title: meta.title, language: language, body: titlePageBody(meta), bodyType: "frontmatter")
        let stylesheet = model.themeAssets["assets/css/book.css"] ?? Array("body { line-height: 1.5; }\n".utf8)

        var front: [EPUBManifestItem] = [
            EPUBManifestItem(id: "cover", href: "cover.xhtml", mediaType: "application/xhtml+xml", inSpine: true),
            EPUBManifestItem(id: "titlepage", href: "title.xhtml", mediaType: "application/xhtml+xml", inSpine: true),
            EPUBManifestItem(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav", inSpine: true),
        ]
        front += chapterItems
        front += [
            EPUBManifestItem(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"),
            EPUBManifestItem(id: "css", href: "css/book.css", mediaType: "text/css"),
        ]
        items = front + items

        // Zip order: mimetype, container, package document, navigation and NCX, stylesheet, cover, title page,
        // chapters, then the cover image and the chapters' images.
        let head = [
            EPUBEntry(path: "mimetype", text: "application/epub+zip", compressed: false),
            EPUBEntry(path: "META-INF/container.xml", text: EPUBDocuments.container),
            EPUBEntry(path: "EPUB/package.opf", text: EPUBDocuments.packageDocument(meta, items: items)),
        ]
        let rest = [
            EPUBEntry(path: "EPUB/css/book.css", bytes: stylesheet),
            EPUBEntry(path: "EPUB/cover.xhtml", text: coverPage),
            EPUBEntry(path: "EPUB/title.xhtml", text: titlePage),
        ] + resources
        var packed = (head + rest).parallelMap(pack)
        packed.insert(contentsOf: navigation, at: head.count)
        packed.insert(contentsOf: chapterEntries, at: packed.count - resources.count)
        return (packed, meta.modifiedSeconds)
    }

    /// A chapter's HTML as the book's XHTML, in one pass: the book's links (`GuideLinks`), remote images as links
    /// (`EPUBMedia.linkingRemoteImages`, which looks only when the chapter has `<img`), then XHTML's rules.
    static func chapterBody(_ html: String, style: GuideLinks.Style) -> String {
        let hasImages = ByteSearch.contains("<img", in: html)
        return XHTML.fromHTML(html) { tag in
            let linked = GuideLinks.rewrite(tag, style: style)
            guard hasImages else { return linked }
            let current = if case let .rewrite(changed) = linked { changed } else { tag }
            return EPUBMedia.remoteImageLink(current).map { .replace($0) } ?? linked
        }
    }

    private func titlePageBody(_ meta: EPUBMetadata) -> String {
        let e = XHTML.escape
        var body = "<section class=\"titlepage\" aria-label=\"Title page\">\n<h1 class=\"book-title\">\(e(meta.title))</h1>\n"
        if !model.config.guide.author.isEmpty { body += "<p class=\"book-author\">\(e(model.config.guide.author))</p>\n" }
        if !meta.publisher.isEmpty { body += "<p class=\"book-publisher\">\(e(meta.publisher))</p>\n" }
        if !model.config.baseURL.isEmpty {
            let url = e(model.config.baseURL + "guide/")
            body += "<p class=\"book-source\">Online edition: <a href=\"\(url)\">\(url)</a></p>\n"
        }
        return body + "</section>\n"
    }
}
