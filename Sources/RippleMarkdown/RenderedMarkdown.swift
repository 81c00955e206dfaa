import RippleCore

/// The result of rendering one Markdown document.
package struct RenderedMarkdown: Sendable {
    /// Body HTML, without a leading level-1 heading (see `title`).
    package var html: String
    /// Plain text of the heading that opens the document (any level, after HTML comments and anchors);
    /// a level-1 heading is removed from `html`, a lower-level one only when the page has no title of its own.
    package var title: String?
    /// Level-2 headings with their level-3 children; level-3 headings before any level-2 are top-level.
    package var toc: [TOCEntry]
    /// Every heading id in `html`, in document order, then the ids of raw HTML elements (`<a id="setup">`).
    package var anchors: [String]
    /// Plain text of the first paragraph, at most about 300 characters, cut at a word and ended with "…".
    package var summary: String
    /// Number of words of the body text (see `MarkdownRenderer.plainText`); the extracted `title` is not counted.
    package var wordCount: Int
    /// The body's plain text cut at every heading (the first section holds the text before the first heading),
    /// shortcodes' text included, for the search index.
    package var sections: [TextSection]
    /// Problems found while rendering (bad links, unknown or malformed shortcodes), in document order.
    package var diagnostics: [Diagnostic]

    /// Creates a result.
    package init(
        html: String, title: String?, toc: [TOCEntry], anchors: [String], summary: String,
        wordCount: Int, diagnostics: [Diagnostic], sections: [TextSection] = []
    ) {
        self.sections = sections
        self.html = html
        self.title = title
        self.toc = toc
        self.anchors = anchors
        self.summary = summary
        self.wordCount = wordCount
        self.diagnostics = diagnostics
    }
}
