/// One file of an EPUB, in the order it goes into the zip.
package struct EPUBEntry: Sendable, Hashable {
    /// Path inside the zip (`EPUB/chapter-01.xhtml`).
    package var path: String
    /// Its bytes.
    package var bytes: [UInt8]
    /// Whether to deflate it (false for `mimetype`, which must be stored, and for already-compressed images).
    package var compressed: Bool

    /// Creates an entry.
    package init(path: String, bytes: [UInt8], compressed: Bool = true) {
        self.path = path; self.bytes = bytes; self.compressed = compressed
    }

    /// Creates a text entry (UTF-8).
    package init(path: String, text: String, compressed: Bool = true) {
        self.init(path: path, bytes: Array(text.utf8), compressed: compressed)
    }
}

/// A whole EPUB, ready to be zipped.
package struct EPUBBook: Sendable {
    /// Entries in zip order; `mimetype` first.
    package var entries: [EPUBEntry]
    /// The modification time written in the package document and used for every zip entry,
    /// in seconds since 1970 (UTC); from the content, never the clock.
    package var modified: Int

    /// Creates a book.
    package init(entries: [EPUBEntry], modified: Int) { self.entries = entries; self.modified = modified }
}
