import Foundation
import RippleCore
import RippleSources
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

    /// Reads `ripple.yaml`, `content/` and `templates/`. A symbolic link among them is an error (`SourceLink`).
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
        // Both folders are read before failing, so every refused link (content/ and templates/) is told at once.
        var content: [SourceFile] = [], siteTemplates: [SourceFile] = [], problems: [Diagnostic] = []
        var unread: [String: UInt64] = [:]
        do throws(DiagnosticError) { (content, unread) = try files(under: "content") } catch { problems += error.diagnostics }
        do throws(DiagnosticError) { siteTemplates = try files(under: "templates").files } catch { problems += error.diagnostics }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        var theme: [String: ThemeFile] = [:]
        for file in EmbeddedTheme.files {
            theme[file.path] = ThemeFile(path: file.path, displayPath: "(default theme) \(file.path)", bytes: file.bytes)
        }
        for file in siteTemplates {
            let path = String(file.path.dropFirst("templates/".count))
            theme[path] = ThemeFile(path: path, displayPath: file.path, bytes: file.bytes)
        }
        var source = SiteSource(configText: config,
                                contentFiles: content.filter { !$0.path.hasPrefix("content/data/") },
                                dataFiles: content.filter { $0.path.hasPrefix("content/data/") },
                                themeFiles: theme.keys.sorted().map { theme[$0]! })
        source.unread = unread
        source.root = root
        readDatabase(into: &source)
        return source
    }

    /// With a database as `data.source`, its tables are read now, on every load (a database has no file
    /// dates to compare), and the files under content/data are left aside. A broken ripple.yaml is
    /// reported by the assembler; nothing is read then.
    private func readDatabase(into source: inout SiteSource) {
        guard let config = try? ConfigParser.parse(source.configText), config.data.source != .files else { return }
        let read = DatabaseReader(settings: config.data, root: root.path).read()
        source.dataFiles = []
        source.dataTables = read.tables
        source.dataProblems = read.diagnostics
    }

    private func files(under folder: String) throws(DiagnosticError) -> (files: [SourceFile], unread: [String: UInt64]) {
        do {
            return try load(under: folder)
        } catch {
            // The changes the watcher reported are spent: the next load must list the folder again.
            memo?.forgetLoad(under: folder)
            throw error
        }
    }

    private func load(under folder: String) throws(DiagnosticError) -> (files: [SourceFile], unread: [String: UInt64]) {
        if let memo, let changed, let last = memo.lastLoad(under: folder) {
            let files = try patched(last, under: folder, changed: changed, memo: memo)
            memo.remember(files, under: folder)
            return (files, [:])
        }
        let base = root.appending(path: folder).path
        let found = FolderWalk.files(in: base)
        let links = (FolderWalk.isLink(base) ? [folder] : []) + found.filter(\.isLink).map { folder + "/" + $0.relative }
        guard links.isEmpty else { throw DiagnosticError(links.sorted().map { SourceLink.refusal($0, root: root.path) }) }
        // Reading 10,000 chapters is I/O-bound: the disk is asked for all of them at once, and they are read on
        // every core. (With a memo, only the files it does not know are asked for: it reads no others.)
        let paths = found.map(\.path)
        // Files the memo knows by stamp from the cache are left unread, but for the program data, which the
        // data stage reads whole on every build.
        let read: [FileMemo.Read?]
        if let memo {
            let data = base + "/data/"
            read = memo.read(paths, mayLeaveUnread: { folder == "content" && !$0.hasPrefix(data) })
        } else {
            FolderWalk.prefetch(paths)
            read = paths.parallelMap { FolderWalk.read($0).map(FileMemo.Read.bytes) }
        }
        memo?.keep(only: Set(paths), under: base)
        var result: [SourceFile] = []
        var unread: [String: UInt64] = [:]
        result.reserveCapacity(found.count)
        for (entry, file) in zip(found, read) {
            let relative = folder + "/" + entry.relative
            switch file {
            case nil: throw Self.unreadable(relative)
            case .bytes(let bytes)?: result.append(SourceFile(path: relative, bytes: bytes))
            case .unread(let hash)?:
                result.append(SourceFile(path: relative, bytes: []))
                unread[relative] = hash
            }
        }
        result.sort { $0.path < $1.path }
        // The files' list, for a watcher's next build, only when it holds every file's bytes.
        if unread.isEmpty { memo?.remember(result, under: folder) } else { memo?.forgetLoad(under: folder) }
        return (result, unread)
    }

    /// The last load's files under `folder` with the `changed` paths (relative to the site) read again, added or
    /// removed: the other files are as they were, so no folder is listed and nothing else is asked of the disk.
    private func patched(_ last: [SourceFile], under folder: String, changed: Set<String>,
                         memo: FileMemo) throws(DiagnosticError) -> [SourceFile] {
        var files = last
        let prefix = folder + "/"
        for path in changed.filter({ $0.hasPrefix(prefix) }).sorted() {
            let absolute = root.path + "/" + path
            // Where the path is, or would be, in the sorted files.
            var low = 0, high = files.count
            while low < high {
                let middle = (low + high) / 2
                if files[middle].path < path { low = middle + 1 } else { high = middle }
            }
            let present = low < files.count && files[low].path == path
            guard FolderWalk.isListed(relative: String(path.dropFirst(prefix.count)), path: absolute) else {
                if present { files.remove(at: low) }
                memo.forget(absolute)
                continue
            }
            if FolderWalk.isLink(absolute) { throw DiagnosticError(SourceLink.refusal(path, root: root.path)) }
            guard let bytes = memo.read(absolute) else { throw Self.unreadable(path) }
            if present { files[low] = SourceFile(path: path, bytes: bytes) } else { files.insert(SourceFile(path: path, bytes: bytes), at: low) }
        }
        return files
    }

    private static func unreadable(_ path: String) -> DiagnosticError {
        DiagnosticError(.error("could not read the file", at: SourceLocation(file: path), hint: "check that the file is readable"))
    }
}
