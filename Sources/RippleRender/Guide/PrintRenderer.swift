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

    /// What makes the page a single file to send (`ripple guide --format html`): the chapters' images as `data:`
    /// URLs, and the theme's stylesheets inline.
    package struct Standalone: Sendable {
        /// `data:` URLs of the chapters' images, by source path (`content/guide/img/chart.png`).
        package var images: [String: String]

        /// Creates the options.
        package init(images: [String: String]) { self.images = images }
    }

    /// The page's HTML: the site's `guide/print.html`, or with `standalone` a single file.
    package func render(_ chapters: [GuideChapter], standalone: Standalone? = nil) throws(DiagnosticError) -> String {
        // The page holds every chapter: growing it from the template's own size would copy it a dozen times over.
        let html = try model.templates.render("layouts/guide-print", context: context(chapters, standalone: standalone),
                                              reserving: Self.estimatedSize(chapters))
        return standalone == nil ? html : Self.inliningStylesheets(html, assets: model.themeAssets)
    }

    /// About the page's size: each chapter's HTML and what the template writes around it.
    static func estimatedSize(_ chapters: [GuideChapter]) -> Int {
        chapters.reduce(64 * 1024) { $0 + $1.html.utf8.count + 3 * ($1.title.utf8.count + $1.summary.utf8.count) + 1024 }
    }

    /// Replaces each `<link rel="stylesheet">` to one of the theme's files by a `<style>` holding it, so the page
    /// needs nothing beside it. Works on the rendered page, whatever the site's own `guide-print` template says.
    static func inliningStylesheets(_ html: String, assets: [String: [UInt8]]) -> String {
        let folder = OutputPath.directory(of: outputPath)
        return HTMLRewriter.rewrite(html) { tag in
            guard tag.name == "link", !tag.isEnd, tag.attribute("rel")?.lowercased() == "stylesheet",
                  let href = tag.attribute("href")?.split(whereSeparator: { $0 == "?" || $0 == "#" }).first,
                  !EPUBMedia.isRemote(String(href)), !href.hasPrefix("/"),
                  let path = OutputPath.normalize(folder + "/" + href), let css = assets[path] else { return .keep }
            let text = String(decoding: css, as: UTF8.self).replacingAll("</style", with: "<\\/style")
            return .replace("<style>\n" + text + "\n</style>")
        }
    }

    /// The template context (documented in docs/templates.md under "guide-print").
    package func context(_ chapters: [GuideChapter], standalone: Standalone? = nil) -> TemplateValue {
        let config = model.config
        let staticFiles = model.content.staticFiles
        let path = Self.outputPath
        // In parallel: rewriting each chapter's links and ids is most of the page's time.
        let list: [TemplateValue] = chapters.parallelMap { chapter in
            let prefix = Self.chapterAnchor(chapter.number) + "-"
            let style = GuideLinks.Style(
                chapter: { number, fragment in "#" + Self.chapterAnchor(number) + (fragment.map { "-" + $0 } ?? "") },
                file: { index in
                    standalone?.images[staticFiles[index].source] ?? OutputPath.relativeHref(from: path, to: staticFiles[index].outputPath)
                },
                idPrefix: prefix)
            let sections: [TemplateValue] = chapter.toc.filter { $0.level == 2 }.map { entry in
                .object(["id": .string(prefix + entry.id), "title": .string(entry.title)])
            }
            return .object([
                "number": .string(chapter.label), "nested": .bool(chapter.depth > 1), "title": .string(chapter.title), "summary": .string(chapter.summary),
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
            "online_url": config.baseURL.isEmpty ? .null : .string(config.baseURL + "guide/"),
        ])
        return .object([
            "root": .string(OutputPath.rootPrefix(of: path)), "site": site, "guide": guide,
            "page": .object(["title": .string(config.guide.title), "kind": .string("guide-print")]),
        ])
    }
}
