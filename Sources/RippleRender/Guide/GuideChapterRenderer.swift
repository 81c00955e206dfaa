import RippleCore
import RippleMarkdown

/// Renders the guide's chapters once, for the EPUB and the print page: the same Markdown rules and link
/// resolution as the site (`LinkResolver` in its `.mapped` style), with links to other chapters and images
/// left as placeholders (see `GuideChapter`), and links to site pages outside the guide made absolute on
/// `base_url` — or plain text when the site has no base URL.
package struct GuideChapterRenderer: Sendable {
    /// The site.
    package var model: SiteModel

    /// Creates a renderer.
    package init(model: SiteModel) { self.model = model }

    /// What the book's links need of the site (see `GuideChapterLinks`), made once per build.
    package struct Book: Sendable {
        let resolver: LinkResolver
        let files: [StaticFile]
        let baseURL: String

        /// The book of `model`'s guide.
        package init(model: SiteModel) {
            let content = model.content
            var map: [String: String] = [:]
            for (i, chapter) in content.chapters.enumerated() { map[chapter.source] = GuideLinks.chapterScheme + String(i + 1) }
            for (i, file) in content.staticFiles.enumerated() { map[file.source] = GuideLinks.fileScheme + String(i) }
            let baseURL = model.config.baseURL
            resolver = LinkResolver(content: content, style: .mapped(map, fallback: { page in
                baseURL.isEmpty ? nil : baseURL + GuideChapterRenderer.prettyPath(page.outputPath)
            }))
            files = content.staticFiles
            self.baseURL = baseURL
        }
    }

    /// The chapters in reading order and every problem found (missing images, broken links, invalid SVG). A chapter
    /// with a draft (by source path) made by the site's render is taken from it instead of rendered again.
    package func render(drafts: [String: GuideChapterDraft] = [:]) -> (chapters: [GuideChapter], diagnostics: [Diagnostic]) {
        let content = model.content
        let chapterPages = content.chapters
        // The book's links (a link resolver over every page) are needed only for chapters the site did not draft.
        let book = chapterPages.allSatisfy({ drafts[$0.source] != nil }) ? nil : Book(model: model)
        let renderer = MarkdownRenderer(options: MarkdownOptions(model.config.markdown))
        let embeds = model.metrics.map(ShortcodeRenderer.init)
        let labels = ChapterNumbering.labels(chapterPages.map(\.depth))
        let results = Array(chapterPages.indices).parallelMap { i in
            if let draft = drafts[chapterPages[i].source] { return drafted(chapterPages[i], number: i + 1, label: labels[i], draft) }
            return renderOne(chapterPages[i], number: i + 1, label: labels[i], renderer: renderer, book: book ?? Book(model: model),
                             embeds: embeds)
        }
        var chapters: [GuideChapter] = []
        var diagnostics: [Diagnostic] = []
        var references: [LinkResolver.AnchorReference] = []
        var anchors: [String: Set<String>] = [:]
        for result in results {
            diagnostics += result.diagnostics
            references += result.references
            if let chapter = result.chapter {
                chapters.append(chapter)
                anchors[chapter.page.source] = Set(result.anchors)
            }
        }
        diagnostics += AnchorCheck.check(references, anchors: anchors)
        return (chapters, diagnostics)
    }

    /// `guide/matching/index.html` → `guide/matching/`: the address people see.
    static func prettyPath(_ path: String) -> String {
        path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    }

    private struct Result: Sendable {
        var chapter: GuideChapter?
        var anchors: [String]
        var diagnostics: [Diagnostic]
        var references: [LinkResolver.AnchorReference]
    }

    private func renderOne(_ page: Page, number: Int, label: String, renderer: MarkdownRenderer, book: Book,
                           embeds: ShortcodeRenderer?) -> Result {
        let links = GuideChapterLinks(page: page, book: book)
        let markdown = renderer.render(
            page.body, file: page.source, lineOffset: page.bodyLineOffset, sourceLines: page.sourceLines,
            pageHasTitle: page.title != nil,
            rewriteLink: links.rewrite,
            embed: { embed in
                guard let embeds else {
                    return .fail(.error("shortcodes need program data; '\(embed.name)' cannot be shown", at: embed.location,
                                        hint: "add program data under content/data/, or remove the shortcode"))
                }
                let result = embeds.render(embed, on: page)
                return GuideChapterLinks.embedProblem(result, of: embed).map { .fail($0) } ?? result
            })
        var diagnostics = markdown.diagnostics + links.diagnostics
        if model.config.markdown.unsafeHTML { diagnostics += Self.svgProblems(in: page) }
        guard let title = page.title ?? markdown.title, !title.isEmpty else {
            diagnostics.append(.error("page has no title", at: SourceLocation(file: page.source, line: 1),
                                      hint: "add `title: …` to the front matter, or start the page with a `# Heading`"))
            return Result(chapter: nil, anchors: [], diagnostics: diagnostics, references: links.references)
        }
        let html = Self.bookHTML(markdown.html)
        let chapter = GuideChapter(number: number, label: label, page: page, title: title, summary: page.summary ?? markdown.summary,
                                   html: html, toc: markdown.toc, imageSources: links.images.sorted(),
                                   hasSVG: ByteSearch.contains("<svg", in: html))
        return Result(chapter: chapter, anchors: markdown.anchors, diagnostics: diagnostics, references: links.references)
    }

    /// A chapter from the draft the site's render made of it.
    private func drafted(_ page: Page, number: Int, label: String, _ draft: GuideChapterDraft) -> Result {
        var diagnostics = draft.diagnostics
        if model.config.markdown.unsafeHTML { diagnostics += Self.svgProblems(in: page) }
        let chapter = GuideChapter(number: number, label: label, page: page, title: draft.title, summary: draft.summary,
                                   html: draft.html, toc: draft.toc, imageSources: draft.imageSources,
                                   hasSVG: ByteSearch.contains("<svg", in: draft.html))
        return Result(chapter: chapter, anchors: draft.anchors, diagnostics: diagnostics, references: draft.references)
    }

    /// A chapter's rendered HTML as the book holds it: no heading anchors, no links that go nowhere.
    static func bookHTML(_ html: String) -> String {
        GuideLinks.unwrappingEmptyLinks(GuideLinks.removingHeadingAnchors(html))
    }

    /// Every inline `<svg>…</svg>` written in the chapter's Markdown (raw HTML is on) that is not well-formed
    /// XML, located at the line of the problem in the file.
    static func svgProblems(in page: Page) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var rest = page.body[...]
        while let start = rest.firstRange(of: "<svg") {
            let end = rest[start.lowerBound...].firstRange(of: "</svg>")?.upperBound ?? rest.endIndex
            let svg = String(rest[start.lowerBound..<end])
            if let problem = XHTML.wellFormednessProblem(ofFragment: XHTML.fromHTML(svg)) {
                let startLine = page.body[..<start.lowerBound].count { $0 == "\n" } + 1
                problems.append(.error(
                    "this SVG is not valid XML, so the EPUB cannot include it: \(problem.message)",
                    at: SourceLocation(file: page.source, line: page.bodyLineOffset + startLine + problem.line - 1),
                    hint: "close every element (<path … />), quote every attribute and match every end tag; opening the SVG in a browser shows the first mistake"))
            }
            rest = rest[end...]
        }
        return problems
    }
}
