import RippleCore
import RippleMarkdown

/// Renders the Markdown of every page (in parallel), resolving links and checking anchors across pages.
package struct MarkdownStage: Sendable {
    /// The renderer configured from `ripple.yaml`.
    package var renderer: MarkdownRenderer
    /// Link resolution for this output.
    package var links: LinkResolver
    /// Shortcodes (`{{< metric … >}}`); nil makes every shortcode an error.
    package var embeds: ShortcodeRenderer?
    /// Results kept from an earlier build (incremental builds and `ripple serve`); nil renders every page.
    package var memo: (any MarkdownMemo)?
    /// When set, the render of each chapter also makes its draft for the guide's book (one Markdown render for both).
    package var book: GuideChapterRenderer.Book?

    /// Creates a stage.
    package init(options: MarkdownOptions, links: LinkResolver, embeds: ShortcodeRenderer?) {
        renderer = MarkdownRenderer(options: options)
        self.links = links
        self.embeds = embeds
    }

    /// Renders `pages`; every problem in every page is reported. Each page lets go of its body once rendered
    /// (`Page.releaseBody`: only a page made to, in a build that keeps nothing).
    /// With `remembering` false the memo is neither asked nor told (pages rendered again for their HTML).
    package func render(_ pages: [Page], remembering: Bool = true) -> (pages: [RenderedPage], diagnostics: [Diagnostic]) {
        let output = renderWithDrafts(pages, remembering: remembering)
        return (output.pages, output.diagnostics)
    }

    /// `render`, with the guide's drafts (by source path) of the chapters it rendered when `book` is set; chapters
    /// whose results the memo recalled have none.
    package func renderWithDrafts(_ pages: [Page], remembering: Bool = true)
        -> (pages: [RenderedPage], diagnostics: [Diagnostic], drafts: [String: GuideChapterDraft]) {
        let memo = remembering ? memo : nil
        var results = memo?.recall(pages) ?? Array(repeating: nil, count: pages.count)
        let missing = results.indices.filter { results[$0] == nil }
        let made = missing.parallelMap { i -> (Memo, GuideChapterDraft?) in
            let result = renderOne(pages[i])
            memo?.remember(pages[i], result.0)
            return result
        }
        var drafts: [String: GuideChapterDraft] = [:]
        for (i, (result, draft)) in zip(missing, made) {
            results[i] = result
            if let draft { drafts[pages[i].source] = draft }
        }
        var diagnostics: [Diagnostic] = []
        var references: [LinkResolver.AnchorReference] = []
        var rendered: [RenderedPage] = []
        rendered.reserveCapacity(results.count)
        for case let result? in results {
            diagnostics += result.diagnostics
            references += result.references
            if let page = result.page { rendered.append(page) }
        }
        // Only the pages links point into need their anchors as a set.
        let targets = Set(references.map(\.target))
        var anchors: [String: Set<String>] = [:]
        for page in rendered where targets.contains(page.page.source) { anchors[page.page.source] = Set(page.markdown.anchors) }
        diagnostics += AnchorCheck.check(references, anchors: anchors)
        return (rendered, diagnostics, drafts)
    }

    /// What rendering one page's Markdown produced: the page (nil when it has no title), its problems, and the
    /// anchors it links to (checked across pages every time, so they are kept, not their verdict).
    package struct Memo: Sendable {
        /// The rendered page.
        package var page: RenderedPage?
        /// Problems of this page alone.
        package var diagnostics: [Diagnostic]
        /// `#fragment` links to check.
        package var references: [LinkResolver.AnchorReference]

        /// Creates a result.
        package init(page: RenderedPage?, diagnostics: [Diagnostic], references: [LinkResolver.AnchorReference]) {
            self.page = page; self.diagnostics = diagnostics; self.references = references
        }
    }

    private typealias Result = Memo

    private func renderOne(_ page: Page) -> (Result, GuideChapterDraft?) {
        var references: [LinkResolver.AnchorReference] = []
        let bookLinks = page.kind == .chapter ? book.map { GuideChapterLinks(page: page, book: $0) } : nil
        let (markdown, second) = markdown(of: page, references: &references, bookLinks: bookLinks)
        // Later stages read a body only to locate a problem, so a releasable one is read again then.
        page.releaseBody()
        var diagnostics = markdown.diagnostics
        guard let title = page.title ?? markdown.title, !title.isEmpty else {
            diagnostics.append(.error("page has no title", at: SourceLocation(file: page.source, line: 1),
                                      hint: "add `title: …` to the front matter, or start the page with a `# Heading`"))
            return (Result(page: nil, diagnostics: diagnostics, references: references), nil)
        }
        // The page's search document is made here, on all cores, and its text let go of.
        let document = SearchIndex.analyse(title: title, url: page.outputPath, sections: markdown.sections)
        var kept = markdown
        kept.sections = []
        var draft: GuideChapterDraft?
        if let bookLinks, let second {
            draft = GuideChapterDraft(title: title, summary: page.summary ?? kept.summary, markdown: kept, second: second,
                                      links: bookLinks)
        }
        return (Result(page: RenderedPage(page: page, title: title, markdown: kept, searchDocument: document),
                       diagnostics: diagnostics, references: references), draft)
    }

    /// The Markdown result of one page, with its text sections; the `#fragment` links it makes go to `references`.
    package func markdown(of page: Page, references: inout [LinkResolver.AnchorReference]) -> RenderedMarkdown {
        markdown(of: page, references: &references, bookLinks: nil).0
    }

    /// The page's Markdown result and, with `bookLinks`, the book's second output of the same render.
    private func markdown(of page: Page, references: inout [LinkResolver.AnchorReference], bookLinks: GuideChapterLinks?)
        -> (RenderedMarkdown, MarkdownRenderer.SecondOutput?) {
        renderer.render(
            page.body, file: page.source, lineOffset: page.bodyLineOffset, sourceLines: page.sourceLines,
            pageHasTitle: page.title != nil,
            rewriteLink: { links.resolve($0, on: page, anchors: &references) },
            secondLink: bookLinks.map { $0.rewrite },
            embed: { embed in
                guard let embeds else {
                    return .fail(.error("shortcodes need program data; '\(embed.name)' cannot be shown", at: embed.location,
                                        hint: "add program data under content/data/, or remove the shortcode"))
                }
                let result = embeds.render(embed, on: page)
                // The book's check of the same markup (its error is the book's, not the site's).
                if let bookLinks, let problem = GuideChapterLinks.embedProblem(result, of: embed) { bookLinks.diagnostics.append(problem) }
                return result
            })
    }
}

/// Remembers the Markdown results of pages between builds. The implementation decides when a result is
/// still valid (the page, the options and the link context unchanged).
package protocol MarkdownMemo: Sendable {
    /// The kept result of each page, or nil to render it.
    func recall(_ pages: [Page]) -> [MarkdownStage.Memo?]
    /// Keeps the result of rendering `page`.
    func remember(_ page: Page, _ memo: MarkdownStage.Memo)
}
