import Foundation
import RippleCore
import RippleMarkdown
import RippleRender

/// `ripple report`: one quarter's report as a single self-contained file to send — HTML with the styles
/// and charts inline and no request to anything outside it, or a PDF made from that HTML with WeasyPrint.
package struct StandaloneReport: Sendable {
    /// Output format.
    package enum Format: String, Sendable, CaseIterable {
        /// One HTML file.
        case html
        /// A PDF through WeasyPrint.
        case pdf
    }

    /// The site folder.
    package var source: URL
    /// Quarter id (`2026-Q3`; `2026-q3` is accepted).
    package var quarter: String
    /// HTML or PDF.
    package var format: Format
    /// The PDF engine; found on `PATH` when nil.
    package var engine: PDFEngine?

    /// Creates a report job.
    package init(source: URL, quarter: String, format: Format = .html, engine: PDFEngine? = nil) {
        self.source = source; self.quarter = quarter.uppercased(); self.format = format; self.engine = engine
    }

    /// The file's bytes and the warnings found on the way; throws every error.
    package func make() throws(DiagnosticError) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        let files = try SiteLoader(root: source).load()
        let assembled = SiteAssembler().assemble(files)
        guard let model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        guard let reports = ReportRenderer(model: model) else {
            throw DiagnosticError(.error("the site has no program data, so there are no reports",
                                         hint: "add the program's data files under content/data/ (see docs/data-format.md)"))
        }
        var diagnostics = assembled.diagnostics.filter { $0.severity != .error }
        var narrative: RenderedPage?
        var images: [String: String] = [:]
        if let page = ReportRenderer.narrativePages(model.content).first(where: { $0.slug == quarter }) {
            let options = MarkdownOptions(model.config.markdown)
            images = inlineImages(model.content, mentionedIn: page.body)
            let stage = MarkdownStage(options: options, links: reports.standaloneLinks(inlined: Set(images.keys)),
                                      embeds: model.metrics.map(ShortcodeRenderer.init))
            let (rendered, problems) = stage.render([page])
            guard !problems.hasErrors else { throw DiagnosticError(problems) }
            diagnostics += problems + Self.remoteImageNotes(page, options: options)
            narrative = rendered.first
        }
        if narrative == nil, let note = reports.missingNarrativeNote(quarter: quarter) { diagnostics.append(note) }
        let stylesheets = ["assets/css/ripple.css", "assets/css/report.css"].compactMap { path in
            model.themeAssets[path].map { String(decoding: $0, as: UTF8.self) }
        }
        let html = try reports.standalone(quarter: quarter, narrative: narrative, stylesheets: stylesheets, images: images)
        switch format {
        case .html: return (Array(html.utf8), diagnostics)
        case .pdf: return (try pdf(html, model: model), diagnostics)
        }
    }

    private func pdf(_ html: String, model: SiteModel) throws(DiagnosticError) -> [UInt8] {
        guard let engine = engine ?? PDFEngine.locate() else {
            throw DiagnosticError(.error("the PDF needs WeasyPrint, which is not installed",
                                         hint: "install it (apt-get install weasyprint), or use --format html and print from a browser"))
        }
        let epoch = Int((model.metrics?.asOf.ordinal).map { Int($0) * 86_400 } ?? 0)
        var limited = engine
        limited.limit(by: model.config.guide)
        return try limited.render(html: PrintChartStyle.embedding(model.printChartCSS, in: html), htmlPath: "report.html", files: [:], epoch: epoch,
                                 job: PDFEngine.Job(name: "the report's PDF", hint: "check the report with --format html in a browser"))
    }

    /// A note for each image of the narrative on another site: the file links to it instead of showing it.
    static func remoteImageNotes(_ page: Page, options: MarkdownOptions) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        _ = MarkdownRenderer(options: options).render(page.body, file: page.source, lineOffset: page.bodyLineOffset, sourceLines: page.sourceLines, rewriteLink: { link in
            if link.isImage, EPUBMedia.isRemote(link.destination) {
                notes.append(Diagnostic(.note, "this image is on another site, so the report links to it instead of showing it "
                                            + "(the report makes no request outside its file)",
                                        at: link.location, hint: "to show it in the report, save the image under content/ and link that file"))
            }
            return .keep
        })
        return notes
    }

    /// Images of the site that the narrative names, as `data:` URLs so the file needs nothing else.
    private func inlineImages(_ content: SiteContent, mentionedIn body: String) -> [String: String] {
        var inlined: [String: String] = [:]
        for file in content.staticFiles {
            let name = file.source.split(separator: "/").last.map(String.init) ?? file.source
            guard DataURL.imageTypes[name.split(separator: ".").last?.lowercased() ?? ""] != nil, body.contains(name),
                  let data = FileManager.default.contents(atPath: source.appending(path: file.source).path) else { continue }
            inlined[file.source] = DataURL.image(Array(data), path: file.source)
        }
        return inlined
    }
}
