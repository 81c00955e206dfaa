import RippleCore

/// How Markdown is turned into HTML.
package struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en and em dashes and ellipses (cmark's `CMARK_OPT_SMART`).
    package var smartPunctuation: Bool
    /// Whether raw HTML written in the Markdown reaches the page as HTML.
    ///
    /// When `false` (the default), raw HTML is made safe: comments are dropped, the elements and attributes
    /// of `HTMLAllowlist` are kept, everything else is removed with a warning at its place in the file, and
    /// `javascript:`-style link destinations are removed. When `true`, raw HTML is trusted as written.
    package var unsafeHTML: Bool
    /// How headings get their ids (see `HeadingSlugger`).
    package var headingIDs: HeadingIDStyle

    /// Creates options; the defaults suit content written by non-programmers.
    package init(smartPunctuation: Bool = true, unsafeHTML: Bool = false, headingIDs: HeadingIDStyle = .ripple) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.headingIDs = headingIDs
    }

    /// The options `markdown:` in ripple.yaml sets.
    package init(_ settings: MarkdownSettings) {
        self.init(smartPunctuation: settings.smartPunctuation, unsafeHTML: settings.unsafeHTML, headingIDs: settings.headingIDs)
    }
}
