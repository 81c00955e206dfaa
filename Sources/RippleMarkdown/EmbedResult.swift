import RippleCore

/// What the `embed` callback returns for a shortcode.
package enum EmbedResult: Sendable {
    /// HTML that replaces the shortcode (or, for a block shortcode, its whole paragraph), and the plain text a
    /// reader sees of it, for the search index (taken from what made the HTML, never read back from it).
    case html(String, text: String = "")
    /// Report this problem; the shortcode text is left on the page and rendering continues.
    case fail(Diagnostic)
}
