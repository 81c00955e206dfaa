import RippleCore
import RippleMarkdown
import RippleTemplate

/// Builds the template context of each page (see docs/templates.md for every key).
///
/// Everything pages share (site, navigation, chapter list) is built once per folder depth and reused,
/// so a 10,000-chapter guide does not rebuild 10,000 navigation lists.
package struct PageContext: Sendable {
    /// Chapters listed in full in the sidebar up to this count; beyond it the sidebar shows a window around
    /// the current chapter and links to the guide index (a 10,000-entry sidebar helps nobody).
    package static let sidebarLimit = 60
    /// Chapters shown around the current one when the sidebar is shortened.
    package static let sidebarWindow = 21

    private let model: SiteModel
    private let chapters: [RenderedPage]
    private let navigation: [(title: String, path: String)]
    private let siteValues: [String: TemplateValue]
    /// Sidebar entries as seen from any chapter page (every chapter lives at `guide/<slug>/index.html`, so the
    /// links are the same from each; the page's own entry is rebuilt per page), and from the guide index.
    private let entriesFromChapter: ChapterEntries
    private let entriesFromGuideIndex: ChapterEntries
    /// Each chapter's number (`4`, `4.2`).
    private let labels: [String]

    /// Creates the builder; `navigation` lists the header links as (title, output path).
    package init(model: SiteModel, chapters: [RenderedPage], navigation: [(title: String, path: String)]) {
        self.model = model
        self.chapters = chapters
        self.navigation = navigation
        let config = model.config
        siteValues = [
            "title": .string(config.title), "organisation": .string(config.organisation),
            "language": .string(config.language), "base_url": .string(config.baseURL), "noindex": .bool(config.noindex),
            "guide_title": .string(config.guide.title),
            "logo": config.logo.map { .string(OutputPath.percentEncoded($0)) } ?? .null,
        ]
        labels = ChapterNumbering.labels(chapters.map(\.page.depth))
        entriesFromChapter = ChapterEntries(chapters, labels: labels, from: "guide/\u{0}/index.html")
        entriesFromGuideIndex = ChapterEntries(chapters, labels: labels, from: "guide/index.html")
    }

    /// The context of a page written at `path`, of `kind`, with `page` values and optional extra top-level keys;
    /// `chapter` is the page's index among the chapters when it is one.
    package func context(path: String, kind: String, title: String, summary: String = "", content: String = "",
                         markdown: RenderedMarkdown? = nil, source: Page? = nil, chapter: Int? = nil,
                         extra: [String: TemplateValue] = [:]) -> TemplateValue {
        let root = OutputPath.rootPrefix(of: path)
        var site = siteValues
        site["nav"] = .list(navigation.map { item in
            .object(["title": .string(item.title), "url": .string(OutputPath.relativeHref(from: path, to: item.path)),
                     "current": .bool(Self.section(of: item.path) == Self.section(of: path))])
        })
        let words = markdown?.wordCount ?? 0
        var page: [String: TemplateValue] = [
            "kind": .string(kind), "title": .string(title), "summary": .string(summary), "content": .string(content),
            "url": .string(OutputPath.relativeHref(from: path, to: path)), "canonical": canonical(path),
            "date": .string(source?.date?.iso ?? ""), "word_count": .int(words),
            "reading_minutes": .int(max(1, (words + 200) / 220)),
            "is_home": .bool(kind == "home"), "is_chapter": .bool(kind == "chapter"), "is_page": .bool(kind == "page"),
            "is_guide_index": .bool(kind == "guide-index"), "source": .string(source?.source ?? ""),
        ]
        // The document title names the site once: a page titled like the site is not "X · X".
        page["head_title"] = .string(title == model.config.title ? title : "\(title) · \(model.config.title)")
        let toc = markdown?.toc ?? []
        page["toc"] = .list(toc.map(Self.tocValue))
        page["has_toc"] = .bool(!toc.isEmpty)
        if let source, !source.extra.isEmpty {
            page["extra"] = .object(source.extra.mapValues { .string($0) })
        }
        var values: [String: TemplateValue] = [
            "root": .string(root), "site": .object(site), "page": .object(page),
            "guide": guideValue(from: path, current: chapter, fullList: kind == "guide-index"),
        ]
        if let chapter { values["chapter"] = chapterValue(chapter, from: path) }
        values.merge(extra) { _, b in b }
        return .object(values)
    }

    /// The absolute URL of a page, or null without a base URL (an empty `href` is invalid HTML).
    private func canonical(_ path: String) -> TemplateValue {
        guard !model.config.baseURL.isEmpty else { return .null }
        let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return .string(model.config.baseURL + pretty)
    }

    private static func section(of path: String) -> String {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        return first == "index.html" ? "" : first
    }

    private static func tocValue(_ entry: TOCEntry) -> TemplateValue {
        .object(["id": .string(entry.id), "title": .string(entry.title), "level": .int(entry.level),
                 "children": .list(entry.children.map(tocValue)), "has_children": .bool(!entry.children.isEmpty)])
    }

    /// The chapters a page lists (incremental builds hash exactly these into the page's key): every one on the
    /// guide index (`fullList`) and up to `sidebarLimit`, else a window of `sidebarWindow` around the page's
    /// chapter `index` (the first ones for pages that are not chapters).
    package static func shownChapters(around index: Int?, count: Int, fullList: Bool) -> Range<Int> {
        guard !fullList, count > sidebarLimit else { return 0..<count }
        let start = max(0, min((index ?? 0) - sidebarWindow / 2, count - sidebarWindow))
        return start..<(start + sidebarWindow)
    }

    /// The `guide` object: the sidebar shows every chapter up to `sidebarLimit`, else a window around the
    /// current one; the guide index always lists them all.
    private func guideValue(from path: String, current index: Int?, fullList: Bool) -> TemplateValue {
        let entries: ChapterEntries
        if path.hasPrefix("guide/"), path.split(separator: "/").count == 3 {
            entries = entriesFromChapter
        } else if path == "guide/index.html" {
            entries = entriesFromGuideIndex
        } else {
            entries = ChapterEntries(chapters, labels: labels, from: path)
        }
        let truncated = !fullList && chapters.count > Self.sidebarLimit
        let shown = Self.shownChapters(around: index, count: chapters.count, fullList: fullList)
        var list = entries.entries(shown)
        if let index, shown.contains(index) {
            list[index - shown.lowerBound] = entries.entry(index, current: true, from: path)
        }
        var guide: [String: TemplateValue] = [
            "title": .string(model.config.guide.title), "author": .string(model.config.guide.author),
            "chapters": .list(list), "sidebar_truncated": .bool(truncated), "chapter_count": .int(chapters.count),
            "index_url": .string(OutputPath.relativeHref(from: path, to: "guide/index.html")),
            "downloads": .list(model.guideDownloads.map { download in
                .object(["label": .string(download.label), "format": .string(download.format), "size": .string(""),
                         "url": .string(OutputPath.relativeHref(from: path, to: download.path))])
            }),
        ]
        // A book imported under its own name has the site's title as its guide title: name it once in <title>.
        let title = model.config.guide.title
        guide["distinct_title"] = title == model.config.title || title.isEmpty ? .null : .string(title)
        guide["has_downloads"] = .bool(!model.guideDownloads.isEmpty)
        guide["has_chapters"] = .bool(!chapters.isEmpty)  // essentials: no link to a guide index that is not built
        return .object(guide)
    }

    private func chapterValue(_ index: Int, from path: String) -> TemplateValue {
        func link(_ i: Int) -> TemplateValue {
            guard chapters.indices.contains(i) else { return .null }
            return .object(["title": .string(chapters[i].title),
                            "url": .string(OutputPath.relativeHref(from: path, to: chapters[i].page.outputPath))])
        }
        return .object(["number": .string(labels[index]), "prev": link(index - 1), "next": link(index + 1)])
    }
}
