import RippleCore
import RippleMarkdown
import RippleTemplate

/// Renders `guide/print.html`: every chapter on one page for printing and for the PDF, through the
/// `layouts/guide-print` template. Heading ids are prefixed per chapter (`ch-3-asking-questions`) so they
/// stay unique, and links between chapters point at those anchors.
package struct PrintRenderer: Sendable {
    /// The site.
    package var model: SiteModel

    /// Where the page is written.
    package static let outputPath = "guide/print.html"

    /// Creates a renderer.
    package init(model: SiteModel) { self.model = model }

    /// The anchor of chapter `number` on the print page.
    package static func chapterAnchor(_ number: Int) -> String { "ch-\(number)" }

    /// The page's HTML.
    package func render(_ chapters: [GuideChapter]) throws(DiagnosticError) -> String {
        try model.templates.render("layouts/guide-print", context: context(chapters))
    }

    /// The template context (documented in docs/templates.md under "guide-print").
    package func context(_ chapters: [GuideChapter]) -> TemplateValue {
        let config = model.config
        let staticFiles = model.content.staticFiles
        let path = Self.outputPath
        // In parallel: rewriting each chapter's links and ids is most of the page's time.
        let list: [TemplateValue] = chapters.parallelMap { chapter in
            let prefix = Self.chapterAnchor(chapter.number) + "-"
            let style = GuideLinks.Style(
                chapter: { number, fragment in "#" + Self.chapterAnchor(number) + (fragment.map { "-" + $0 } ?? "") },
                file: { index in OutputPath.relativeHref(from: path, to: staticFiles[index].outputPath) },
                idPrefix: prefix)
            let sections: [TemplateValue] = chapter.toc.filter { $0.level == 2 }.map { entry in
                .object(["id": .string(prefix + entry.id), "title": .string(entry.title)])
            }
            return .object([
                "number": .int(chapter.number), "title": .string(chapter.title), "summary": .string(chapter.summary),
                "id": .string(Self.chapterAnchor(chapter.number)),
                "content": .string(GuideLinks.rewrite(chapter.html, style: style)),
                "sections": .list(sections), "has_sections": .bool(!sections.isEmpty),
            ])
        }
        let site: TemplateValue = .object([
            "title": .string(config.title), "organisation": .string(config.organisation),
            "language": .string(config.language), "base_url": .string(config.baseURL), "noindex": .bool(config.noindex),
        ])
        let guide: TemplateValue = .object([
            "title": .string(config.guide.title), "author": .string(config.guide.author),
            "chapters": .list(list), "chapter_count": .int(chapters.count),
            "online_url": .string(config.baseURL.isEmpty ? "" : config.baseURL + "guide/"),
        ])
        return .object([
            "root": .string(OutputPath.rootPrefix(of: path)), "site": site, "guide": guide,
            "page": .object(["title": .string(config.guide.title), "kind": .string("guide-print")]),
        ])
    }
}
