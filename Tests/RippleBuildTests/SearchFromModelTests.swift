import Foundation
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

    static func model(_ site: String) throws -> SiteModel {
        let root = site == "sample" ? TestSite.repository : TestSite.fixtures.appending(path: "\(site)/input")
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
        let root = site == "sample" ? TestSite.repository : TestSite.fixtures.appending(path: "\(site)/input")
        let output = FileManager.default.temporaryDirectory.appending(path: "ripple-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = BuildOptions()
        options.checkLinks = false
        options.makePDF = false
        _ = try SiteBuilder(source: root, output: output, options: options).build()
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
