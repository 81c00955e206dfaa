import RippleCore
import RippleMarkdown

/// A chapter as the book shows it, made by the site's render of its Markdown (`MarkdownStage` with a `book`), so
/// that `GuideChapterRenderer` need not render it again: the same HTML but for the links (see `LinkSlots`).
package struct GuideChapterDraft: Sendable {
    /// Front-matter title, else the leading heading.
    var title: String
    /// Front-matter summary, else the first paragraph.
    var summary: String
    /// Body HTML with the book's placeholder links, heading anchors removed and empty links unwrapped.
    var html: String
    /// h2 entries with their h3 children.
    var toc: [TOCEntry]
    /// Sources of the images the chapter shows, sorted.
    var imageSources: [String]
    /// Every id of the chapter, for the anchors the book's links name.
    var anchors: [String]
    /// `#fragment` links of the chapter.
    var references: [LinkResolver.AnchorReference]
    /// The chapter's problems: the site's render's, then the book's own.
    var diagnostics: [Diagnostic]

    /// The draft of a chapter the site rendered with `render`'s `secondLink` from `links`.
    init(title: String, summary: String, markdown: RenderedMarkdown, second: MarkdownRenderer.SecondOutput, links: GuideChapterLinks) {
        self.title = title
        self.summary = summary
        html = GuideChapterRenderer.bookHTML(second.html)
        toc = markdown.toc
        imageSources = links.images.sorted()
        anchors = markdown.anchors
        references = links.references
        diagnostics = markdown.diagnostics + second.diagnostics.filter { !markdown.diagnostics.contains($0) } + links.diagnostics
    }
}
