import RippleCore

/// What the `embed` callback returns for a shortcode.
package enum EmbedResult: Sendable {
    /// HTML that replaces the shortcode (or, for a block shortcode, its whole paragraph).
    case html(String)
    /// Report this problem; the shortcode text is left on the page and rendering continues.
    case fail(Diagnostic)
}
