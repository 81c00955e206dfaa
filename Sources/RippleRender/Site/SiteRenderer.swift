import Foundation
import RippleCore
import RippleMarkdown
import RippleTemplate

/// Renders the HTML site: home, pages, the guide, 404 and theme assets, streamed to a sink.
package struct SiteRenderer: Sendable {
    /// The site.
    package var model: SiteModel
    /// Results of an earlier build to reuse (incremental builds, `ripple serve`); nil renders everything.
    package var reuse: (any RenderReuse)?
    /// Leaves writing `search-index.js` to the caller, who can do it beside other work (merging a large guide's
    /// index is work for one core): called once with the index's documents as soon as they are known — for an
    /// incremental build of a site without reports, before the pages are rendered. Not called when the Markdown
    /// has errors.
    package var searchDocumentsReady: (@Sendable ([PackedDocument]) -> Void)?
    /// Whether the render of each chapter also makes its draft for the guide's EPUB and print edition
    /// (`Output.guideDrafts`), so the guide need not render the chapters' Markdown again.
    package var draftsGuide = false

    /// Creates a renderer.
    package init(model: SiteModel, reuse: (any RenderReuse)? = nil) {
        self.model = model
        self.reuse = reuse
    }

    /// The result of rendering the Markdown of the site, needed by later stages (search, guide).
    package struct Output: Sendable {
        /// Every rendered page, chapters in reading order.
        package var pages: [RenderedPage]
        /// Every problem found.
        package var diagnostics: [Diagnostic]
        /// With `draftsGuide`, the guide's drafts of the chapters rendered (by source path).
        package var guideDrafts: [String: GuideChapterDraft] = [:]
    }

    /// Renders every page to `sink`. Nothing is written when the Markdown has errors.
    ///
    /// Pages are rendered, written and tokenised for search in one parallel pass; the pages returned carry no
    /// body HTML (`markdown.html` is empty), so a large guide's HTML is not held after it is written.
    package func render(to sink: OutputSink) -> Output {
        let content = model.content
        var stage = MarkdownStage(
            options: MarkdownOptions(model.config.markdown),
            links: reuse?.linkResolver { LinkResolver(content: content) } ?? LinkResolver(content: content),
            embeds: model.metrics.map(ShortcodeRenderer.init))
        stage.memo = reuse
        if draftsGuide, !content.chapters.isEmpty { stage.book = GuideChapterRenderer.Book(model: model) }
        var (rendered, markdownProblems, guideDrafts) = stage.renderWithDrafts(content.allPages + ReportRenderer.narrativePages(content))
        stage.book = nil
        let narratives = Dictionary(rendered.filter { $0.page.kind == .narrative }.map { ($0.page.slug, $0) },
                                    uniquingKeysWith: { a, _ in a })
        rendered.removeAll { $0.page.kind == .narrative }
        guard !markdownProblems.hasErrors else { return Output(pages: rendered.map(\.withoutHTML), diagnostics: markdownProblems) }
        // Each page's search document was made with its Markdown (an incremental build keeps it with the page).
        // Without program data (whose dashboards and reports are indexed too) the index is then complete; an
        // incremental build hands it over to be written beside the rendering, a full build after writing.
        let keptDocuments = rendered.map(\.packedSearchDocument)
        var handedOver = false
        if reuse != nil, let searchDocumentsReady, model.metrics == nil {
            searchDocumentsReady(keptDocuments)
            handedOver = true
        }

        let chapters = rendered.filter { $0.kind == .chapter }
        let nav = navigation(rendered)
        // The pages' HTML is held by their jobs only, and let go as each page is written (an incremental build
        // keeps every page's HTML between builds anyway).
        let context = PageContext(model: model, chapters: reuse == nil ? chapters.map(\.withoutHTML) : chapters, navigation: nav)
        var generated: [GeneratedPage] = []
        if content.home == nil {
            generated.append(GeneratedPage(path: "index.html", kind: "home", title: model.config.title))
        }
        if !chapters.isEmpty, content.guideIntro == nil {
            let guide = model.config.guide
            let summary = "The \(chapters.count) chapters of \(guide.title)" + (guide.author.isEmpty ? "." : ", by \(guide.author).")
            generated.append(GeneratedPage(path: "guide/index.html", kind: "guide-index", title: guide.title, summary: summary))
        }
        generated.append(GeneratedPage(path: "404.html", kind: "404", title: "Page not found"))
        // Incremental: pages whose output would be as before are not rendered (nor written) again.
        let wanted = reuse?.pagesToRender(rendered, generated: generated, chapters: chapters, navigation: nav)
        if let wanted { rendered = Self.withHTML(rendered, wanted: wanted, stage: stage) }
        // Contexts are made when each page is rendered, not all up front: a 10,000-page site would otherwise
        // hold every page's context (content, sidebar, table of contents) in memory at once.
        var jobs: [PageJob] = []
        for (page, chapter) in zip(rendered, rendered.chapterIndices) {
            guard wanted?.contains(page.outputPath) ?? true else { continue }
            jobs.append(PageJob(path: page.outputPath, template: "layouts/\(Self.layout(for: page.kind))") {
                context.context(path: page.outputPath, kind: Self.kindName(page.kind), title: page.title,
                                summary: page.summary, content: page.markdown.html, markdown: page.markdown,
                                source: page.page, chapter: chapter)
            })
        }
        let pages = reuse == nil ? rendered.map(\.withoutHTML) : rendered
        rendered = []
        for page in generated where wanted?.contains(page.path) ?? true {
            jobs.append(PageJob(path: page.path, template: "layouts/\(page.kind)") {
                context.context(path: page.path, kind: page.kind, title: page.title, summary: page.summary)
            })
        }
        if let metrics = model.metrics {
            let dashboards = DashboardRenderer(metrics: metrics)
            jobs += dashboards.jobs(context: context)
            do throws(DiagnosticError) {
                try sink.write(DashboardRenderer.metricsJSONPath, text: dashboards.metricsJSON())
            } catch {
                return Output(pages: pages, diagnostics: markdownProblems + error.diagnostics)
            }
        }
        if let directory = model.directory { jobs.append(directory.job(context: context)) }
        var reportProblems: [Diagnostic] = []
        if let reports = ReportRenderer(model: model) {
            let (reportJobs, files) = reports.site(narratives: narratives, pages: context)
            jobs += reportJobs
            reportProblems += reports.narrativeDiagnostics()
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                do throws(DiagnosticError) { try sink.write(path, text: text) } catch { reportProblems += error.diagnostics }
            }
        } else {
            reportProblems += ReportRenderer.narrativesWithoutData(content)
        }
        let written = write(consume jobs, to: sink)
        var diagnostics = markdownProblems + reportProblems + written.diagnostics
        // The index lists Markdown pages in reading order, then the generated pages it covers (dashboards, reports)
        // by URL.
        let documents = keptDocuments + written.documents.sorted { $0.url < $1.url }.map(PackedDocument.init)
        diagnostics += copyFiles(to: sink)
        if let searchDocumentsReady {
            if !handedOver { searchDocumentsReady(documents) }
            return Output(pages: pages, diagnostics: diagnostics, guideDrafts: guideDrafts)
        }
        diagnostics += writeSearchIndex(documents, to: sink)
        return Output(pages: pages, diagnostics: diagnostics, guideDrafts: guideDrafts)
    }

    /// One page to render with a template.
    package struct PageJob: Sendable {
        /// Output path.
        package var path: String
        /// Template name.
        package var template: String
        /// What of the page the search index covers.
        package var search: SearchSource
        /// Makes its context, when the page is rendered.
        package var makeContext: @Sendable () -> TemplateValue

        /// Creates a job whose context is made when the page is rendered.
        package init(path: String, template: String, search: SearchSource = .none,
                     makeContext: @escaping @Sendable () -> TemplateValue) {
            self.path = path; self.template = template; self.search = search; self.makeContext = makeContext
        }

        /// Creates a job with a ready context.
        package init(path: String, template: String, search: SearchSource = .none, context: TemplateValue) {
            self.init(path: path, template: template, search: search, makeContext: { context })
        }
    }

    /// What the search index takes from a page.
    package enum SearchSource: Sendable {
        /// Nothing: the page is not searchable.
        case none
        /// A document made from the page's view model (generated pages: dashboards, reports).
        case document(AnalysedDocument)
    }

    /// Renders jobs in parallel and writes each page as soon as it is ready.
    package func write(_ jobs: consuming [PageJob], to sink: OutputSink) -> (diagnostics: [Diagnostic], documents: [AnalysedDocument]) {
        let templates = model.templates
        let results = jobs.parallelMapReleasing { job -> ([Diagnostic], AnalysedDocument?) in
            do throws(DiagnosticError) {
                let context = job.makeContext()
                let html = try templates.render(job.template, context: context)
                try sink.write(job.path, text: html)
                switch job.search {
                case .none:
                    return ([], nil)
                case let .document(document):
                    return ([], document)
                }
            } catch {
                return (error.diagnostics, nil)
            }
        }
        return (results.flatMap(\.0), results.compactMap(\.1))
    }

    /// The pages with the body HTML of those to render: a result kept by an incremental build's cache has none
    /// (only what the other pages need of it), so those pages' Markdown is rendered again, with the same result.
    private static func withHTML(_ pages: [RenderedPage], wanted: Set<String>, stage: MarkdownStage) -> [RenderedPage] {
        let lacking = pages.indices.filter {
            pages[$0].markdown.html.isEmpty && wanted.contains(pages[$0].outputPath) && !pages[$0].page.body.isEmpty
        }
        guard !lacking.isEmpty else { return pages }
        let again = stage.render(lacking.map { pages[$0].page }, remembering: false).pages
        guard again.count == lacking.count else { return pages }
        var pages = pages
        for (i, page) in zip(lacking, again) { pages[i] = page }
        return pages
    }

    private func copyFiles(to sink: OutputSink) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (path, bytes) in model.themeAssets.sorted(by: { $0.key < $1.key }) {
            do throws(DiagnosticError) { try sink.write(path, bytes) } catch { diagnostics += error.diagnostics }
        }
        for file in model.content.staticFiles {
            do throws(DiagnosticError) { try sink.copy(from: file.source, to: file.outputPath) } catch {
                diagnostics += error.diagnostics
            }
        }
        return diagnostics
    }

    /// Header links: home, the guide, top-level pages by weight then title, and program pages when there is data.
    private func navigation(_ rendered: [RenderedPage]) -> [(title: String, path: String)] {
        var items: [(String, String)] = [("Home", "index.html")]
        if model.content.chapters.isEmpty == false { items.append(("Guide", "guide/index.html")) }
        if model.metrics != nil {
            items.append(("Dashboards", "dashboards/index.html"))
            items.append(("Reports", "reports/index.html"))
        }
        let pages = rendered.filter { $0.page.kind == .page && $0.page.outputPath.split(separator: "/").count == 2 }
            .sorted { ($0.page.weight ?? 0, $0.title) < ($1.page.weight ?? 0, $1.title) }
        items += pages.map { ($0.title, $0.page.outputPath) }
        return items
    }

    /// The layout a page of `kind` is rendered with (`chapter` for `layouts/chapter`).
    package static func layout(for kind: PageKind) -> String {
        switch kind {
        case .home: "home"
        case .page, .narrative: "page"
        case .chapter: "chapter"
        case .guideIndex: "guide-index"
        }
    }

    /// The `page.kind` value templates see for a page of `kind`.
    package static func kindName(_ kind: PageKind) -> String {
        switch kind {
        case .home: "home"
        case .page, .narrative: "page"
        case .chapter: "chapter"
        case .guideIndex: "guide-index"
        }
    }
}

/// What an incremental build reuses from the previous one: Markdown results, and which pages need no rendering.
package protocol RenderReuse: MarkdownMemo {
    /// The link resolver of this build's content (`make` makes it), kept from an earlier build whose pages and
    /// files had the same sources and output paths.
    func linkResolver(_ make: () -> LinkResolver) -> LinkResolver
    /// Output paths of the Markdown `pages` and `generated` pages that must be rendered again; the others would
    /// come out as before.
    func pagesToRender(_ pages: [RenderedPage], generated: [GeneratedPage], chapters: [RenderedPage],
                       navigation: [(title: String, path: String)]) -> Set<String>
}

/// A page made from no Markdown file: the home page without `content/index.md`, the guide index without
/// `content/guide/_index.md`, and the 404 page.
package struct GeneratedPage: Sendable {
    /// Output path.
    package var path: String
    /// The `page.kind` value, which is also its layout's name (`layouts/404`).
    package var kind: String
    /// Its title.
    package var title: String
    /// Its summary.
    package var summary = ""
}
