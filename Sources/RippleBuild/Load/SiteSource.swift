import Foundation
import RippleCore
import RippleData

/// Everything read from a site folder, before any interpretation.
package struct SiteSource: Sendable {
    /// The text of `ripple.yaml`.
    package var configText: String
    /// Every file under `content/` except `content/data/`.
    package var contentFiles: [SourceFile]
    /// Files under `content/data/`.
    package var dataFiles: [SourceFile]
    /// The tables read from the database `data.source` names (none for `files`).
    package var dataTables: [CellTable] = []
    /// Why the database could not be read, when it could not.
    package var dataProblems: [Diagnostic] = []
    /// Content files left unread because an incremental build's cache knows them by their stamp (relative path →
    /// hash of their bytes): their `SourceFile`s have no bytes; `bytes(of:)` reads them when needed.
    package var unread: [String: UInt64] = [:]
    /// The site folder the files were read from (for `unread` files).
    package var root: URL?
    /// The theme: the embedded default theme overlaid file by file with the site's `templates/`.
    /// Paths are relative to the theme folder (`layouts/page.mustache`); `origin` tells where each came from.
    package var themeFiles: [ThemeFile]

    /// Creates a source.
    package init(configText: String, contentFiles: [SourceFile] = [], dataFiles: [SourceFile] = [], themeFiles: [ThemeFile] = []) {
        self.configText = configText
        self.contentFiles = contentFiles
        self.dataFiles = dataFiles
        self.themeFiles = themeFiles
    }

    /// The bytes of `file`, read now from the site folder when it was left unread (nil when that fails).
    package func bytes(of file: SourceFile) -> [UInt8]? {
        guard unread[file.path] != nil else { return file.bytes }
        return root.flatMap { FolderWalk.read($0.appending(path: file.path).path) }
    }

    /// The hash of `file`'s bytes, known without reading an unread file.
    package func hash(of file: SourceFile) -> UInt64 {
        unread[file.path] ?? ContentHash.of(file.bytes)
    }

    /// The source without what assembling has already turned into the model — the Markdown (the pages hold
    /// it) and the program data — so a large site does not hold two copies through the rest of the build.
    /// Images and other static files stay (the guide's EPUB and PDF embed them).
    package var assembled: SiteSource {
        var lean = self
        lean.contentFiles = contentFiles.map { $0.path.hasSuffix(".md") ? SourceFile(path: $0.path, bytes: []) : $0 }
        lean.dataFiles = []
        lean.dataTables = []
        return lean
    }
}

/// A file of the theme, with where it came from (for error messages).
package struct ThemeFile: Sendable, Hashable {
    /// Path inside the theme (`partials/header.mustache`).
    package var path: String
    /// Path shown in diagnostics: `templates/partials/header.mustache` for a site override,
    /// `(default theme) partials/header.mustache` for the embedded theme.
    package var displayPath: String
    /// Bytes.
    package var bytes: [UInt8]

    /// Creates a theme file.
    package init(path: String, displayPath: String, bytes: [UInt8]) {
        self.path = path
        self.displayPath = displayPath
        self.bytes = bytes
    }
}
