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
    }

    /// Renders every page to `sink`. Nothing is written when the Markdown has errors.
    package func render(to sink: OutputSink) -> Output {
        let content = model.content
        var stage = MarkdownStage(
            options: MarkdownOptions(smartPunctuation: model.config.markdown.smartPunctuation,
                                     unsafeHTML: model.config.markdown.unsafeHTML),
            links: LinkResolver(content: content), embeds: model.metrics.map(ShortcodeRenderer.init))
        stage.memo = reuse
        let (all, markdownProblems) = stage.render(content.allPages + ReportRenderer.narrativePages(content))
        let rendered = all.filter { $0.page.kind != .narrative }
        guard !markdownProblems.hasErrors else { return Output(pages: rendered, diagnostics: markdownProblems) }

        let chapters = rendered.filter { $0.page.kind == .chapter }
        let nav = navigation(rendered)
        let context = PageContext(model: model, chapters: chapters, navigation: nav)
        // Incremental: pages whose output would be as before are not rendered (nor written) again.
        let wanted = reuse?.pagesToRender(rendered, chapters: chapters, navigation: nav)
        // Contexts are made when each page is rendered, not all up front: a 10,000-page site would otherwise
        // hold every page's context (content, sidebar, table of contents) in memory at once.
        var jobs: [PageJob] = rendered.filter { wanted?.contains($0.page.outputPath) ?? true }.map { page in
            PageJob(path: page.page.outputPath, template: "layouts/\(Self.layout(for: page.page.kind))") {
                context.context(path: page.page.outputPath, kind: Self.kindName(page.page.kind),
                                title: page.title, summary: page.summary, content: page.markdown.html,
                                markdown: page.markdown, source: page.page)
            }
        }
        if content.home == nil {
            jobs.append(PageJob(path: "index.html", template: "layouts/home",
                                context: context.context(path: "index.html", kind: "home", title: model.config.title)))
        }
        if !chapters.isEmpty, content.guideIntro == nil {
            let guide = model.config.guide
            let summary = "The \(chapters.count) chapters of \(guide.title)" + (guide.author.isEmpty ? "." : ", by \(guide.author).")
            jobs.append(PageJob(path: "guide/index.html", template: "layouts/guide-index",
                                context: context.context(path: "guide/index.html", kind: "guide-index",
                                                         title: guide.title, summary: summary)))
        }
        jobs.append(PageJob(path: "404.html", template: "layouts/404",
                            context: context.context(path: "404.html", kind: "404", title: "Page not found")))
        if let metrics = model.metrics {
            let dashboards = DashboardRenderer(metrics: metrics)
            jobs += dashboards.jobs(context: context)
            do throws(DiagnosticError) {
                try sink.write(DashboardRenderer.metricsJSONPath, text: dashboards.metricsJSON())
            } catch {
                return Output(pages: rendered, diagnostics: markdownProblems + error.diagnostics)
            }
        }
        var reportProblems: [Diagnostic] = []
        if let reports = ReportRenderer(model: model) {
            let narratives = Dictionary(all.filter { $0.page.kind == .narrative }.map { ($0.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
            let (reportJobs, files) = reports.site(narratives: narratives, pages: context)
            jobs += reportJobs
            reportProblems += reports.narrativeWarnings()
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                do throws(DiagnosticError) { try sink.write(path, text: text) } catch { reportProblems += error.diagnostics }
            }
        } else {
            reportProblems += ReportRenderer.narrativesWithoutData(content)
        }
        // Quarterly reports are searchable too: their documents are taken from the pages as written.
        let written = write(jobs, to: sink) { path in path.hasPrefix("reports/") && path.split(separator: "/").count == 3 }
        let reportDocuments = written.documents.sorted { $0.url < $1.url }
        var diagnostics = markdownProblems + reportProblems + written.diagnostics
        if let reuse {
            diagnostics += writeSearchIndex([], extra: reuse.searchDocuments(rendered) + reportDocuments, to: sink)
        } else {
            diagnostics += writeSearchIndex(rendered, extra: reportDocuments, to: sink)  // essentials: search-index.js
        }
        diagnostics += copyFiles(to: sink)
        return Output(pages: rendered, diagnostics: diagnostics)
    }

    /// One page to render with a template.
    package struct PageJob: Sendable {
        /// Output path.
        package var path: String
        /// Template name.
        package var template: String
        /// Makes its context, when the page is rendered.
        package var makeContext: @Sendable () -> TemplateValue

        /// Creates a job whose context is made when the page is rendered.
        package init(path: String, template: String, makeContext: @escaping @Sendable () -> TemplateValue) {
            self.path = path; self.template = template; self.makeContext = makeContext
        }

        /// Creates a job with a ready context.
        package init(path: String, template: String, context: TemplateValue) {
            self.init(path: path, template: template, makeContext: { context })
        }
    }

    /// Renders jobs in parallel and writes each page as soon as it is ready.
    package func write(_ jobs: [PageJob], to sink: OutputSink) -> [Diagnostic] {
        write(jobs, to: sink, searchable: { _ in false }).diagnostics
    }

    /// Renders and writes jobs; for the pages `searchable` picks, also returns a search document of their
    /// `<main>` content (the generated pages the search covers: the quarterly reports).
    func write(_ jobs: [PageJob], to sink: OutputSink,
               searchable: @Sendable (String) -> Bool) -> (diagnostics: [Diagnostic], documents: [SearchDocument]) {
        let templates = model.templates
        let results = jobs.parallelMap { job -> ([Diagnostic], SearchDocument?) in
            do throws(DiagnosticError) {
                let context = job.makeContext()
                let html = try templates.render(job.template, context: context)
                try sink.write(job.path, text: html)
                guard searchable(job.path), case let .string(title)? = context["page"]?["title"] else { return ([], nil) }
                return ([], SearchDocument(title: title, url: job.path, html: Self.mainContent(of: html)))
            } catch {
                return (error.diagnostics, nil)
            }
        }
        return (results.flatMap(\.0), results.compactMap(\.1))
    }

    /// The inside of a page's `<main>` element (the whole page when it has none), so that the header,
    /// navigation and footer are not indexed with every page.
    static func mainContent(of html: String) -> String {
        guard let open = html.range(of: "<main"), let openEnd = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</main>", options: .backwards), openEnd < close.lowerBound else { return html }
        return String(html[html.index(after: openEnd)..<close.lowerBound])
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
    /// Output paths of the Markdown `pages` that must be rendered again; the others would come out as before.
    func pagesToRender(_ pages: [RenderedPage], chapters: [RenderedPage],
                       navigation: [(title: String, path: String)]) -> Set<String>
    /// The search index documents of `pages` (the same as `SearchDocument(page:)`), reusing kept ones.
    func searchDocuments(_ pages: [RenderedPage]) -> [SearchDocument]
}
