import Foundation
import Testing
import RippleBuild
import RippleCore
import RippleMarkdown
import RippleRender

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
