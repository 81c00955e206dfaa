import RippleCore
import RippleMarkdown
import RippleMetrics
import RippleTemplate

/// Renders the quarterly reports: `reports/index.html`, one `reports/<quarter>/index.html` per quarter
/// with its tables as CSV files beside it, and the standalone single-file report.
package struct ReportRenderer: Sendable {
    /// The site.
    package var model: SiteModel
    /// Its metrics.
    package var metrics: MetricSet

    /// Creates a renderer; `nil` when the site has no program data (and so no reports).
    package init?(model: SiteModel) {
        guard let metrics = model.metrics else { return nil }
        self.model = model
        self.metrics = metrics
    }

    /// Output path of the reports index.
    package static let indexPath = "reports/index.html"

    /// Output path of one quarter's report.
    package static func path(of quarter: String) -> String { "reports/\(quarter)/index.html" }

    private var builder: ReportBuilder { ReportBuilder(metrics: metrics) }
    private var context: ReportContext {
        ReportContext(siteTitle: model.config.title, minGroupSize: metrics.minGroupSize)
    }

    /// A warning for every narrative whose quarter has no data (it is not published), and a note when the team
    /// writes narratives but not yet the latest quarter's (its report leaves the section out).
    package func narrativeDiagnostics() -> [Diagnostic] {
        let quarters = builder.quarterIDs
        let orphans: [Diagnostic] = model.content.narratives.sorted { $0.key < $1.key }.compactMap { id, page in
            guard !quarters.contains(id) else { return nil }
            return .warning("there is no quarter \(id) in the program data, so this narrative is not published",
                            at: SourceLocation(file: page.source, line: 1),
                            hint: "quarters with data: \(Self.list(quarters)); rename the file to one of them, or check program.as_of in ripple.yaml")
        }
        guard !model.content.narratives.isEmpty, let latest = quarters.last, let note = missingNarrativeNote(quarter: latest)
        else { return orphans }
        return orphans + [note]
    }

    /// The note for a quarter without a narrative, naming the file to write; nil when it has one. Nothing of
    /// this reaches the report: readers see no section rather than instructions meant for the site's authors.
    package func missingNarrativeNote(quarter: String) -> Diagnostic? {
        guard model.content.narratives[quarter] == nil else { return nil }
        let file = "content/reports/\(quarter).md"
        return Diagnostic(.note, "the \(quarter) report has no narrative, so it is published without the 'From the program team' section",
                          at: SourceLocation(file: file),
                          hint: "write the program team's highlights, stories and next steps in \(file)")
    }

    /// The pages of the reports (index and one per quarter) for the site, and their CSV files.
    package func site(narratives: [String: RenderedPage], pages: PageContext) -> (jobs: [SiteRenderer.PageJob], csv: [String: String]) {
        let reports = builder.reports()
        var jobs: [SiteRenderer.PageJob] = []
        var csv: [String: String] = [:]
        let index = Self.indexPath
        let entries = reports.map { context.indexEntry($0, narrative: narratives[$0.id], from: index) }
        jobs.append(SiteRenderer.PageJob(
            path: index, template: "layouts/report-index",
            context: pages.context(path: index, kind: "report-index", title: "Quarterly reports",
                                   summary: "Every quarter of the mentoring program, newest first: open a quarter for its full report.",
                                   extra: ["reports": .list(entries), "latest": entries.first ?? .null,
                                           "columns": ReportContext.indexColumns(reports)])))
        let texts = Dictionary(ReportBuilder(metrics: metrics, chartOutput: .text).reports().map { ($0.id, $0) },
                               uniquingKeysWith: { a, _ in a })
        for report in reports {
            let path = Self.path(of: report.id)
            let narrative = narratives[report.id]
            let title = narrative?.title ?? "Quarterly report: \(report.label)"
            let value = context.value(report, narrative: narrative, downloads: .relative, intranetURL: nil)
            jobs.append(SiteRenderer.PageJob(
                path: path, template: "layouts/report",
                search: texts[report.id].map {
                    .document($0.searchDocument(title: title, url: path, summary: narrative?.summary ?? "",
                                                narrative: narrative?.searchDocument))
                } ?? .none,
                context: pages.context(path: path, kind: "report", title: title,
                                       summary: narrative?.summary ?? "Figures of the mentoring program for \(report.label).",
                                       markdown: narrative?.markdown, source: narrative?.page, extra: ["report": value])))
            for table in report.tables { csv["reports/\(report.id)/\(table.id).csv"] = table.csv }
        }
        return (jobs, csv)
    }

    /// The standalone report of `quarter`: one HTML file with the stylesheets inline and no request to anything
    /// outside it (links to the intranet site only, when `base_url` is set). The narrative's links must already
    /// point at the intranet or be inlined (see `standaloneLinks`).
    /// `images` are the `data:` URLs of the narrative's images, by source path (see `standaloneLinks`); an image on
    /// another site becomes a link to it ("Image: …"), as in the EPUB, so the file makes no request to anyone.
    package func standalone(quarter: String, narrative: RenderedPage?, stylesheets: [String],
                            images: [String: String] = [:]) throws(DiagnosticError) -> String {
        guard let report = builder.report(for: quarter) else { throw DiagnosticError(unknownQuarter(quarter)) }
        let base = model.config.baseURL
        let value = context.value(report, narrative: narrative, downloads: base.isEmpty ? .none : .absolute(base),
                                  intranetURL: base.isEmpty ? nil : base + "reports/\(report.id)/")
        let site: [String: TemplateValue] = [
            "title": .string(model.config.title), "organisation": .string(model.config.organisation),
            "language": .string(model.config.language), "base_url": .string(base),
        ]
        let css = stylesheets.map { $0.replacingOccurrences(of: "</style", with: "<\\/style") }.joined(separator: "\n")
        let html = try model.templates.render("layouts/report-standalone", context: .object([
            "site": .object(site), "report": value, "css": .string(css),
            "page": .object(["title": value["title"] ?? .null, "summary": value["summary"] ?? .null]),
        ]))
        return EPUBMedia.linkingRemoteImages(inliningImages(html, images: images))
    }

    /// Placeholder of an image the standalone report inlines, by index into the site's static files. The `data:`
    /// URL goes in after the Markdown is rendered: cmark's safe mode blanks `data:image/svg+xml` URLs.
    static let inlineScheme = "ripple-inline:"

    private func inliningImages(_ html: String, images: [String: String]) -> String {
        guard !images.isEmpty else { return html }
        let files = model.content.staticFiles
        return HTMLRewriter.rewrite(html) { tag in
            guard tag.name == "img", !tag.isEnd, let i = tag.attributes.firstIndex(where: { $0.name == "src" }),
                  let src = tag.attributes[i].value, src.hasPrefix(Self.inlineScheme),
                  let index = Int(src.dropFirst(Self.inlineScheme.count)), files.indices.contains(index),
                  let url = images[files[index].source] else { return .keep }
            var tag = tag
            tag.attributes[i].value = url
            return .rewrite(tag)
        }
    }

    /// The error for a quarter the program does not have, listing those it has.
    package func unknownQuarter(_ quarter: String) -> Diagnostic {
        let quarters = builder.quarterIDs
        return .error("there is no quarter '\(quarter)' in the program data",
                      hint: quarters.isEmpty ? "the program data has no pairs yet, so there are no quarters to report on"
                          : "quarters with data: \(Self.list(quarters))")
    }

    /// How the narrative's links are written in the standalone file: pages and files of the site become
    /// addresses on `base_url` (or `#` without one); files in `inlined` (source paths) get a placeholder that
    /// `standalone` replaces with their `data:` URL.
    package func standaloneLinks(inlined: Set<String>) -> LinkResolver {
        let base = model.config.baseURL
        var map: [String: String] = [:]
        for (i, file) in model.content.staticFiles.enumerated() {
            map[file.source] = inlined.contains(file.source) ? Self.inlineScheme + String(i) : (base.isEmpty ? "#" : base + file.outputPath)
        }
        return LinkResolver(content: model.content, narrativesPublished: true, style: .mapped(map, fallback: { page in
            guard !base.isEmpty else { return "#" }
            let path = page.outputPath
            return base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        }))
    }

    static func list(_ quarters: [String]) -> String {
        quarters.isEmpty ? "none" : quarters.joined(separator: ", ")
    }

    /// The narratives to render with the site's Markdown, by quarter; one without a title gets
    /// "Quarterly report: <quarter>" unless it opens with a `# heading`.
    package static func narrativePages(_ content: SiteContent) -> [Page] {
        content.narratives.sorted { $0.key < $1.key }.map { id, page in
            var page = page
            let opensWithHeading = page.body.drop { $0 == "\n" || $0 == " " }.hasPrefix("# ")
            if page.title == nil, !opensWithHeading { page.title = "Quarterly report: \(id)" }
            return page
        }
    }

    /// Warnings for narratives of a site without program data (there are no reports to put them in).
    package static func narrativesWithoutData(_ content: SiteContent) -> [Diagnostic] {
        content.narratives.sorted { $0.key < $1.key }.map { _, page in
            .warning("this report narrative is not published: the site has no program data, so there are no reports",
                     at: SourceLocation(file: page.source, line: 1),
                     hint: "add the program's data files under content/data/ (see docs/data-format.md)")
        }
    }
}
