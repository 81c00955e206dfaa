import Foundation
import RippleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `SiteWatcher`'s fallback: scans every watched file (`FolderWalk` + `stat`) every `interval` and diffs the
/// snapshots. It catches every kind of change the same way, but costs a scan of the whole tree each time (tens
/// of milliseconds of CPU for a 10,000-chapter guide), so it is used only where inotify is not available.
package struct PollingWatch: Sendable {
    /// One file's state; a change in any field counts as a change.
    package struct Stamp: Equatable, Sendable {
        /// Size in bytes (0 for folders).
        package var size: Int
        /// Modification time.
        package var modified: Date
        /// File-system identity, so a rename over a file with equal size and time still counts.
        package var inode: UInt64
        /// Whether it is a folder.
        package var isFolder: Bool
    }

    /// The site folder.
    package let root: URL
    /// Paths relative to the root that are watched: folders (recursively) or single files.
    package let paths: [String]
    /// How often to scan.
    package let interval: Duration
    /// How long the tree must stay unchanged before a change is reported.
    package let debounce: Duration

    /// A polling watch of `paths` under `root`.
    package init(root: URL, paths: [String], interval: Duration, debounce: Duration) {
        self.root = root
        self.paths = paths
        self.interval = interval
        self.debounce = debounce
    }

    /// Every watched file and folder, by path relative to the root. Hidden files and editor backups
    /// (`.swp`, `~`) are skipped: they are not part of the site (the loader skips them too) and change on
    /// every keystroke.
    ///
    /// POSIX calls (`FolderWalk`, `stat`), not Foundation's enumerator and `attributesOfItem` (a URL, a dictionary
    /// and an extended-attribute lookup per file): on a 10,000-chapter guide those took more CPU than the rebuild
    /// they waited for.
    package func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for path in paths {
            let absolute = root.appendingPathComponent(path).path
            guard let stamp = Self.stamp(absolute) else { continue }
            result[path] = stamp
            guard stamp.isFolder else { continue }
            // The loader's own walk, so that a change is reported exactly when a build would see it.
            let record = { (entry: FolderWalk.Entry) in
                if let stamp = Self.stamp(entry.path) { result[path + "/" + entry.relative] = stamp }
            }
            FolderWalk.visit(absolute, folder: record, file: record)
        }
        return result
    }

    /// Paths that were added, removed or changed between two snapshots, sorted.
    package static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed: Set<String> = []
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Scans until the task is cancelled, yielding each settled batch of changes (sorted relative paths) since
    /// `initial`. Folders whose own stamp changed only because a file inside them changed are left out of a batch.
    package func run(since initial: [String: Stamp], into continuation: AsyncStream<[String]?>.Continuation) async {
        var known = initial
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = snapshot()
            var batch = Set(Self.changes(from: known, to: current))
            guard !batch.isEmpty else { continue }
            // Wait until the tree is quiet, so one save (or a copied folder) is one rebuild; capped, so a
            // continuous writer still gets rebuilds.
            for _ in 0..<SiteWatcher.debounceRounds where !Task.isCancelled {
                try? await Task.sleep(for: debounce)
                let next = snapshot()
                let more = Self.changes(from: current, to: next)
                current = next
                if more.isEmpty { break }
                batch.formUnion(more)
            }
            known = current
            let files = batch.filter { path in current[path].map { !$0.isFolder } ?? true }
            continuation.yield((files.isEmpty ? batch : Set(files)).sorted())
        }
    }

    /// The file's stamp, following a symbolic link to what it names; nil when there is nothing there.
    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        let modified = Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
        return Stamp(size: isFolder ? 0 : Int(info.st_size), modified: modified, inode: UInt64(info.st_ino), isFolder: isFolder)
    }
}
