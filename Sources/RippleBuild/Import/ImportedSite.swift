/// A Ripple site made from an existing book: its files and what could not be carried over.
package struct ImportedSite: Sendable {
    /// Files by path relative to the new site's folder, sorted.
    package var files: [(path: String, bytes: [UInt8])]
    /// What could not be mapped, one line each, for the person importing.
    package var notes: [String]
}
