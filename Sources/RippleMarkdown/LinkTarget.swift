import RippleCore

/// A link or image found in Markdown, handed to the renderer's `rewriteLink` callback.
package struct LinkTarget: Sendable {
    /// The destination as written (`../guide/02-roles.md`, `https://…`, `images/x.png`).
    package var destination: String
    /// `true` for `![alt](src)`, `false` for `[text](href)`.
    package var isImage: Bool
    /// Where the link starts in the file (the `[` or `!`), with real file line numbers.
    package var location: SourceLocation

    /// Creates a link target.
    package init(destination: String, isImage: Bool, location: SourceLocation) {
        self.destination = destination
        self.isImage = isImage
        self.location = location
    }
}
