import RippleCore
import RippleMarkdown

/// A chapter rendered once for every downloadable form of the guide. Its HTML is neutral: links to other
/// chapters and to copied files are placeholders (`ripple-chapter:3#anchor`, `ripple-file:7`) that the EPUB
/// and print renderers turn into their own hrefs with `GuideLinks`.
package struct GuideChapter: Sendable {
    /// 1-based position in reading order.
    package var number: Int
    /// The number the book shows (`4`, `4.2`; see `ChapterNumbering`).
    package var label: String
    /// 1 for a chapter or a part, 2 for a chapter in a part.
    package var depth: Int { page.depth }
    /// The source page.
    package var page: Page
    /// Front-matter title, else the leading `# heading`.
    package var title: String
    /// Front-matter summary, else the first paragraph.
    package var summary: String
    /// Body HTML with placeholder links, heading anchors (`#` links) removed.
    package var html: String
    /// h2 entries with their h3 children; ids as in `html`.
    package var toc: [TOCEntry]
    /// Sources (`content/…`) of the images the chapter shows, sorted.
    package var imageSources: [String]
    /// Whether the body holds inline SVG (EPUB manifests must say so).
    package var hasSVG: Bool

    /// Creates a chapter.
    package init(number: Int, label: String? = nil, page: Page, title: String, summary: String, html: String,
                 toc: [TOCEntry], imageSources: [String], hasSVG: Bool) {
        self.number = number; self.label = label ?? String(number); self.page = page; self.title = title; self.summary = summary; self.html = html
        self.toc = toc; self.imageSources = imageSources; self.hasSVG = hasSVG
    }
}
