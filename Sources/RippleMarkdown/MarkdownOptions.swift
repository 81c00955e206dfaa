/// How Markdown is turned into HTML.
package struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en and em dashes and ellipses (cmark's `CMARK_OPT_SMART`).
    package var smartPunctuation: Bool
    /// Whether raw HTML written in the Markdown reaches the page as HTML.
    ///
    /// When `false` (the default), raw HTML blocks and inline tags are shown escaped as
    /// text — never silently dropped — and `javascript:`-style link destinations are removed.
    package var unsafeHTML: Bool

    /// Creates options; the defaults suit content written by non-programmers.
    package init(smartPunctuation: Bool = true, unsafeHTML: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
    }
}
