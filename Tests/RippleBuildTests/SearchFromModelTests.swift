import Foundation
import Synchronization
import Testing
import RippleBuild
import RippleCore
import RippleMarkdown
import RippleMetrics
@testable import RippleRender

/// The search documents the model makes (Markdown walk, view models) against those read back from the written
/// HTML, on the sample site and the golden sites.
@Suite struct SearchFromModelTests {
    static let sites: [String] = ["sample", "small-site", "report-site"]

    /// The source folder of `site`: "sample" (the repository's own site) or a fixture's input.
    static func root(_ site: String) -> URL { site == "sample" ? TestSite.repository : TestSite.fixtures.appending(path: "\(site)/input") }

    /// `site` ("sample" or a fixture) built into a new temporary folder, without link check or PDF.
    static func written(_ site: String) throws -> URL {
        let root = Self.root(site)
        let output = FileManager.default.temporaryDirectory.appending(path: "ripple-search-\(UUID().uuidString)")
        var options = BuildOptions()
        options.checkLinks = false
        options.makePDF = false
        _ = try SiteBuilder(source: root, output: output, options: options).build()
        return output
    }

    static func model(_ site: String) throws -> SiteModel {
        let root = Self.root(site)
        let assembled = SiteAssembler().assemble(try SiteLoader(root: root).load())
        guard let model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        return model
    }

    /// Where the walk is more correct than the HTML: an image's alt text is what a reader without the image gets
    /// (and a screen reader reads), while the HTML holds it in an attribute the old scanner skipped.
    static let expectedDifferences: [String: [String]] = [
        "small-site": ["content/guide/01-start.md #1\n  model: Knowledge flows up, down and across. See a ripple.\n  html:  Knowledge flows up, down and across. See ."],
    ]

    @Test(arguments: sites)
    func markdownPagesSectionsEqualTheHTMLs(site: String) throws {
        let model = try Self.model(site)
        let stage = MarkdownStage(options: MarkdownOptions(model.config.markdown), links: LinkResolver(content: model.content),
                                  embeds: model.metrics.map(ShortcodeRenderer.init))
        var differences: [String] = []
        for page in model.content.allPages {
            var references: [LinkResolver.AnchorReference] = []
            let markdown = stage.markdown(of: page, references: &references)
            let fromModel = markdown.sections.map { SearchSection(id: $0.id, heading: $0.heading, text: $0.text) }
            let fromHTML = SearchDocument(title: "", url: "", html: markdown.html).sections
            for k in 0..<max(fromModel.count, fromHTML.count) {
                let a = k < fromModel.count ? fromModel[k] : nil, b = k < fromHTML.count ? fromHTML[k] : nil
                guard a != b else { continue }
                differences.append(a?.id == b?.id && a?.heading == b?.heading
                    ? "\(page.source) #\(k)\n  model: \(a!.text)\n  html:  \(b!.text)"
                    : "\(page.source) #\(k)\n  model: \(String(describing: a))\n  html:  \(String(describing: b))")
            }
        }
        #expect(differences == Self.expectedDifferences[site] ?? [], "\(differences.joined(separator: "\n"))")
    }
}

/// Dashboards: the documents their view models make against the `<main>` of the written pages.
@Suite struct DashboardSearchFromModelTests {
    @Test(arguments: ["sample", "report-site"])
    func dashboardDocumentsFollowTheirPages(site: String) throws {
        let model = try SearchFromModelTests.model(site)
        let metrics = try #require(model.metrics)
        let output = try SearchFromModelTests.written(site)
        defer { try? FileManager.default.removeItem(at: output) }
        let builder = DashboardBuilder(metrics: metrics, chartOutput: .text)
        var differences: [String] = []
        for kind in builder.kinds where kind.isSearched {
            let page = builder.page(kind)
            let html = try String(contentsOf: output.appending(path: page.path), encoding: .utf8)
            let fromHTML = Self.withoutTemplateWords(
                SearchDocument(title: page.title, url: page.path, html: MainContent.of(html)).sections, title: page.title)
            let fromModel = page.searchDocument.sections
            for k in 0..<max(fromModel.count, fromHTML.count) {
                let a = k < fromModel.count ? fromModel[k] : nil, b = k < fromHTML.count ? fromHTML[k] : nil
                guard a != b else { continue }
                differences.append("\(page.path) #\(k)\n  model: \(String(describing: a))\n  html:  \(String(describing: b))")
            }
        }
        #expect(differences == [], "\(differences.joined(separator: "\n"))")
    }

    /// A figure privacy hid never reaches the index: every dashboard row and tile that shows a hidden figure is
    /// indexed with "fewer than N" / "Hidden", and the same row or tile with the true figures, as the metrics
    /// before disclosure control have them, is nowhere in the document.
    @Test func suppressedFiguresNeverEnterTheIndex() throws {
        let root = TestSite.repository
        let assembled = SiteAssembler().assemble(try SiteLoader(root: root).load())
        let model = try #require(assembled.model), program = try #require(assembled.program)
        let protected = DashboardBuilder(metrics: try #require(model.metrics), chartOutput: .text)
        let raw = DashboardBuilder(metrics: MetricsEngine(settings: model.config).compute(program), chartOutput: .text)
        var checked = 0, hidden = 0  // rows and tiles checked; of them, those whose true figures differ
        for kind in protected.kinds where kind.isSearched {
            let page = protected.page(kind), rawPage = raw.page(kind)
            let text = page.searchDocument.sections.map { $0.heading + " " + $0.text }.joined(separator: " ")
            for (section, rawSection) in zip(page.sections, rawPage.sections) {
                for (row, rawRow) in zip(section.table?.rows ?? [], rawSection.table?.rows ?? [])
                where row.contains(where: \.suppressed) {
                    let shown = row.map(\.text).joined(separator: " "), truth = rawRow.map(\.text).joined(separator: " ")
                    #expect(shown.contains("fewer than \(model.config.privacy.minGroupSize)") && text.contains(shown))
                    #expect(shown == truth || !text.contains(truth), "\(page.path): \(truth)")
                    checked += 1
                    if shown != truth { hidden += 1 }
                }
                for (tile, rawTile) in zip(section.tiles, rawSection.tiles) where tile.isSuppressed {
                    #expect(text.contains("\(tile.label) Hidden"))
                    #expect(rawTile.isSuppressed || !text.contains("\(tile.label) \(rawTile.number)"), "\(page.path): \(tile.label)")
                    checked += 1
                    if !rawTile.isSuppressed { hidden += 1 }
                }
            }
        }
        #expect(checked > 0 && hidden > 0, "checked \(checked), with true figures \(hidden)")
    }

    /// The HTML's sections without what the model is right to leave out or to write otherwise: the template's
    /// eyebrow and the page title (the document's title already) before the summary, the privacy footer every
    /// dashboard ends with, the heading ids (`x-title`; the model links the section's own anchor `x`), and the
    /// "—" of an unmeasured cell glued to its hidden spoken text ("—nothing to measure").
    static func withoutTemplateWords(_ sections: [SearchSection], title: String) -> [SearchSection] {
        var sections = sections
        let eyebrow = "Program dashboards \(title) "
        if sections[0].text.hasPrefix(eyebrow) { sections[0].text.removeFirst(eyebrow.count) }
        let last = sections.count - 1
        if let footer = sections[last].text.range(of: " Figures as of ") {
            sections[last].text.removeSubrange(footer.lowerBound...)
        }
        for k in sections.indices {
            if sections[k].id.hasSuffix("-title") { sections[k].id.removeLast("-title".count) }
            sections[k].text = sections[k].text.replacingOccurrences(of: "—nothing to measure", with: "— nothing to measure")
        }
        return sections
    }
}

/// Reports: the documents their view models (and narratives' Markdown) make against the `<main>` of the written pages.
@Suite struct ReportSearchFromModelTests {
    @Test(arguments: ["sample", "report-site"])
    func reportDocumentsFollowTheirPages(site: String) throws {
        let model = try SearchFromModelTests.model(site)
        let output = try SearchFromModelTests.written(site)
        defer { try? FileManager.default.removeItem(at: output) }
        var renderer = SiteRenderer(model: model)
        let documents = Mutex<[AnalysedDocument]>([])
        renderer.searchDocumentsReady = { ready in documents.withLock { $0 = ready.map(\.document) } }
        _ = renderer.render(to: MemorySink())
        var differences: [String] = []
        for quarter in ReportBuilder(metrics: try #require(model.metrics)).quarterIDs {
            let path = ReportRenderer.path(of: quarter)
            let html = try String(contentsOf: output.appending(path: path), encoding: .utf8)
            var fromHTML = SearchIndex.analyse(SearchDocument(title: "", url: path, html: Self.withoutTemplateWords(MainContent.of(html))))
            var titleTerms: Set<String> = []
            // The cover and eyebrow gone, the first section is empty and the h1's holds the head: the model's first.
            if fromHTML.sections.count > 1, fromHTML.sections[0].body.isEmpty, fromHTML.sections[1].id == "report-title" {
                fromHTML.sections.removeFirst()
                fromHTML.sections[0].id = ""
                fromHTML.sections[0].heading = ""
                // The h1 (the page title) is the document's title in the model: its words need not be in the text.
                titleTerms = Set(fromHTML.sections[0].head.map { fromHTML.terms[Int($0)] })
                fromHTML.sections[0].head = []
            }
            for k in fromHTML.sections.indices where fromHTML.sections[k].id.hasSuffix("-title") {
                fromHTML.sections[k].id.removeLast("-title".count)
            }
            let fromModel = try #require(documents.withLock { $0 }.first { $0.url == path })
            differences += Self.compare(fromModel, fromHTML, page: path, titleTerms: titleTerms)
        }
        #expect(differences == [], "\(differences.joined(separator: "\n"))")
    }

    /// A report page's `<main>` without the template's own words, which the model leaves out: the cover (organisation,
    /// site and report titles, dates: the title is the document's), the eyebrow, the notes on a running or hidden
    /// quarter, the CSV download links and the closing "About these figures" (the same on every report).
    static func withoutTemplateWords(_ html: String) -> String {
        var html = html
        for pattern in [#"<div class="report-cover">[\s\S]*?</div>"#, #"<p class="report-head__eyebrow">[\s\S]*?</p>"#,
                        #"<p class="report-note">[\s\S]*?</p>"#, #"<p class="report-download">[\s\S]*?</p>"#,
                        #"<footer class="report-about">[\s\S]*?</footer>"#] {
            html = html.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return html
    }

    /// Differences of two documents, section by section: ids, headings, snippets and terms (those of the first
    /// section's HTML may have the page title's too).
    static func compare(_ model: AnalysedDocument, _ html: AnalysedDocument, page: String, titleTerms: Set<String> = []) -> [String] {
        var out: [String] = []
        for k in 0..<max(model.sections.count, html.sections.count) {
            let a = k < model.sections.count ? model.sections[k] : nil, b = k < html.sections.count ? html.sections[k] : nil
            let aTerms = Set(a?.body.map { model.terms[Int($0)] } ?? [])
            var bTerms = Set(b?.body.map { html.terms[Int($0)] } ?? [])
            if k == 0 { bTerms.subtract(titleTerms.subtracting(aTerms)) }
            if a?.id != b?.id || a?.heading != b?.heading || a?.snippet != b?.snippet || aTerms != bTerms {
                out.append("\(page) #\(k) model: \(a?.id ?? "-") | \(a?.heading ?? "-") | \(a?.snippet ?? "-")\n   html: \(b?.id ?? "-") | \(b?.heading ?? "-") | \(b?.snippet ?? "-")\n   only model: \(aTerms.subtracting(bTerms).sorted())\n   only html: \(bTerms.subtracting(aTerms).sorted())")
            }
        }
        return out
    }
}
