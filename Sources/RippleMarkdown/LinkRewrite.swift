import RippleCore

/// What the renderer does with a link after asking the `rewriteLink` callback.
package enum LinkRewrite: Sendable {
    /// Leave the destination as written.
    case keep
    /// Use this destination instead (for example `02-roles.md` → `02-roles.html`).
    case replace(String)
    /// Report this problem; the link is left as written and rendering continues.
    case fail(Diagnostic)
}
