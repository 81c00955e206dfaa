import Foundation
import RippleCore
import RippleTheme

/// Reads a site folder from disk: the first of the pipeline's two I/O stages.
package struct SiteLoader: Sendable {
    /// The site folder.
    package var root: URL
    /// Files of earlier loads to reuse when unchanged (incremental builds); nil reads every file.
    package var memo: FileMemo?

    /// Paths (relative to the site folder) a file watcher saw change since the memo's last load; with them, the
    /// other files are taken from the memo without listing folders or asking the file system. Nil: look at all.
    package var changed: Set<String>?

    /// Creates a loader for a site folder.
    package init(root: URL, memo: FileMemo? = nil, changed: Set<String>? = nil) {
        self.root = root.standardizedFileURL
        self.memo = memo
        self.changed = changed
    }

    /// Reads `ripple.yaml`, `content/` and `templates/`.
    package func load() throws(DiagnosticError) -> SiteSource {
        let configURL = root.appending(path: ConfigParser.fileName)
        guard let configBytes = FileManager.default.contents(atPath: configURL.path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory)
            throw DiagnosticError(.error(
                exists ? "no \(ConfigParser.fileName) in '\(root.path)'" : "site folder '\(root.path)' does not exist",
                hint: "run `ripple new \(root.lastPathComponent)` to start a site, or pass the site folder with --source"))
        }
        let config: String
        switch SourceFile(path: ConfigParser.fileName, bytes: Array(configBytes)).text() {
        case .success(let text): config = text
        case .failure(let problem): throw DiagnosticError(problem)
        }
        let content = try files(under: "content")
        let siteTemplates = try files(under: "templates")
        var theme: [String: ThemeFile] = [:]
        for file in EmbeddedTheme.files {
            theme[file.path] = ThemeFile(path: file.path, displayPath: "(default theme) \(file.path)", bytes: file.bytes)
        }
        for file in siteTemplates {
            let path = String(file.path.dropFirst("templates/".count))
            theme[path] = ThemeFile(path: path, displayPath: file.path, bytes: file.bytes)
        }
        return SiteSource(configText: config,
                          contentFiles: content.filter { !$0.path.hasPrefix("content/data/") },
                          dataFiles: content.filter { $0.path.hasPrefix("content/data/") },
                          themeFiles: theme.keys.sorted().map { theme[$0]! })
    }

    private func files(under folder: String) throws(DiagnosticError) -> [SourceFile] {
        let base = root.appending(path: folder).path
        let changed = memo == nil ? nil : self.changed.map { Set($0.map { root.path + "/" + $0 }) }
        let found = memo?.files(in: base, changed: changed) ?? FolderWalk.files(in: base)
        // Reading 10,000 chapters is I/O-bound: read them on every core.
        let paths = found.map(\.path)
        let read = memo?.read(paths, changed: changed) ?? paths.parallelMap { FolderWalk.read($0) }
        memo?.keep(only: Set(found.map(\.path)), under: base)
        var result: [SourceFile] = []
        result.reserveCapacity(found.count)
        for (entry, bytes) in zip(found, read) {
            let relative = folder + "/" + entry.relative
            guard let bytes else {
                throw DiagnosticError(.error("could not read the file", at: SourceLocation(file: relative),
                                             hint: "check that the file is readable"))
            }
            result.append(SourceFile(path: relative, bytes: bytes))
        }
        return result.sorted { $0.path < $1.path }
    }
}
