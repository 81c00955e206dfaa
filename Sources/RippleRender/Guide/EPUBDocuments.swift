import RippleMarkdown

/// The XML files of an EPUB other than the chapters: container, package document, navigation and NCX.
package enum EPUBDocuments {
    /// `META-INF/container.xml`, pointing at the package document.
    package static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """

    /// A navigation entry: a chapter with its sections.
    package struct NavPoint: Sendable, Hashable {
        /// Link text.
        package var title: String
        /// Href relative to the package folder.
        package var href: String
        /// Sections, or a part's chapters (with theirs).
        package var children: [NavPoint]

        /// Creates a point.
        package init(title: String, href: String, children: [NavPoint] = []) {
            self.title = title; self.href = href; self.children = children
        }
    }

    /// The package document (`EPUB/package.opf`).
    package static func packageDocument(_ meta: EPUBMetadata, items: [EPUBManifestItem]) -> String {
        let e = XHTML.escape
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(e(meta.language))">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="book-id">\(e(meta.identifier))</dc:identifier>
                <dc:title>\(e(meta.title))</dc:title>
                <dc:language>\(e(meta.language))</dc:language>
                <dc:creator>\(e(meta.creator))</dc:creator>

            """
        if !meta.publisher.isEmpty { text += "    <dc:publisher>\(e(meta.publisher))</dc:publisher>\n" }
        text += "    <meta property=\"dcterms:modified\">\(meta.modified)</meta>\n"
        if items.contains(where: { $0.id == "cover-image" }) { text += "    <meta name=\"cover\" content=\"cover-image\"/>\n" }
        text += "  </metadata>\n  <manifest>\n"
        for item in items {
            text += "    <item id=\"\(e(item.id))\" href=\"\(e(item.href))\" media-type=\"\(item.mediaType)\""
            if !item.properties.isEmpty { text += " properties=\"\(item.properties)\"" }
            text += "/>\n"
        }
        text += "  </manifest>\n  <spine toc=\"ncx\">\n"
        for item in items where item.inSpine { text += "    <itemref idref=\"\(e(item.id))\"/>\n" }
        text += "  </spine>\n</package>\n"
        return text
    }

    /// The navigation document (`EPUB/nav.xhtml`): the table of contents and the landmarks.
    package static func navigation(_ meta: EPUBMetadata, points: [NavPoint], coverHref: String, firstChapterHref: String?) -> String {
        let e = XHTML.escape
        var body = "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\" aria-labelledby=\"toc-title\">\n"
        body += "<h1 id=\"toc-title\">Contents</h1>\n<ol>\n"
        func add(_ point: NavPoint) {
            body += "<li><a href=\"\(e(point.href))\">\(e(point.title))</a>"
            if !point.children.isEmpty {
                body += "\n<ol>\n"
                for child in point.children { add(child) }
                body += "</ol>\n"
            }
            body += "</li>\n"
        }
        for point in points { add(point) }
        body += "</ol>\n</nav>\n"
        body += "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\" aria-label=\"Landmarks\">\n<ol>\n"
        body += "<li><a epub:type=\"cover\" href=\"\(e(coverHref))\">Cover</a></li>\n"
        body += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>\n"
        if let firstChapterHref {
            body += "<li><a epub:type=\"bodymatter\" href=\"\(e(firstChapterHref))\">Start of the guide</a></li>\n"
        }
        body += "</ol>\n</nav>\n"
        return xhtml(title: "Contents", language: meta.language, body: body)
    }

    /// The NCX (`EPUB/toc.ncx`) for EPUB 2 reading systems.
    package static func ncx(_ meta: EPUBMetadata, points: [NavPoint]) -> String {
        let e = XHTML.escape
        let depth = points.contains { !$0.children.isEmpty } ? 2 : 1
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(e(meta.language))">
              <head>
                <meta name="dtb:uid" content="\(e(meta.identifier))"/>
                <meta name="dtb:depth" content="\(depth)"/>
                <meta name="dtb:totalPageCount" content="0"/>
                <meta name="dtb:maxPageNumber" content="0"/>
              </head>
              <docTitle><text>\(e(meta.title))</text></docTitle>
              <docAuthor><text>\(e(meta.creator))</text></docAuthor>
              <navMap>

            """
        var order = 0
        func add(_ point: NavPoint, indent: String) {
            order += 1
            text += "\(indent)<navPoint id=\"nav-\(order)\" playOrder=\"\(order)\">\n"
            text += "\(indent)  <navLabel><text>\(e(point.title))</text></navLabel>\n"
            text += "\(indent)  <content src=\"\(e(point.href))\"/>\n"
            for child in point.children { add(child, indent: indent + "  ") }
            text += "\(indent)</navPoint>\n"
        }
        for point in points { add(point, indent: "    ") }
        text += "  </navMap>\n</ncx>\n"
        return text
    }

    /// An XHTML content document around `body`, linking the book stylesheet.
    package static func xhtml(title: String, language: String, body: String, bodyType: String? = nil) -> String {
        let e = XHTML.escape
        let type = bodyType.map { " epub:type=\"\($0)\"" } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(e(language))" xml:lang="\(e(language))">
            <head>
            <meta charset="UTF-8"/>
            <title>\(e(title))</title>
            <link rel="stylesheet" type="text/css" href="css/book.css"/>
            </head>
            <body\(type)>
            \(body)</body>
            </html>

            """
    }

    /// Navigation points for chapters: each chapter with its h2 sections, a part's chapters after its own
    /// sections.
    static func points(_ chapters: [GuideChapter], href: (GuideChapter) -> String) -> [NavPoint] {
        var points: [NavPoint] = []
        for chapter in chapters {
            let file = href(chapter)
            let point = NavPoint(title: chapter.title, href: file,
                                 children: chapter.toc.filter { $0.level == 2 }.map { NavPoint(title: $0.title, href: file + "#" + $0.id) })
            if chapter.depth > 1, !points.isEmpty { points[points.count - 1].children.append(point) } else { points.append(point) }
        }
        return points
    }
}
