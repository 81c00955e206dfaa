/// One item of the package document's manifest.
package struct EPUBManifestItem: Sendable, Hashable {
    /// Manifest id (`chapter-01`).
    package var id: String
    /// Path relative to the package document (`chapter-01.xhtml`).
    package var href: String
    /// Media type.
    package var mediaType: String
    /// `properties` (`nav`, `svg`, `cover-image`), space separated; empty for none.
    package var properties: String
    /// Whether it is read in the spine, in manifest order.
    package var inSpine: Bool

    /// Creates an item.
    package init(id: String, href: String, mediaType: String, properties: String = "", inSpine: Bool = false) {
        self.id = id; self.href = href; self.mediaType = mediaType; self.properties = properties; self.inSpine = inSpine
    }
}
