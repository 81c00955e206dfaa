import Foundation
import RippleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices saved, new, deleted and renamed files and new folders under a site's watched paths.
///
/// Polls a snapshot (size, modification time and inode of every file) rather than using inotify:
/// a scan every 300 ms costs a few milliseconds for a typical site (tens of them for a 10,000-chapter
/// guide), while
/// inotify needs one watch per folder, re-walking when folders appear (with a race for files created
/// before the new watch), handling of queue overflow, and watch limits. The snapshot diff catches
/// every kind of change the same way, including atomic saves (write to a temporary file, then rename).
package struct SiteWatcher: Sendable {
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
    /// How long the tree must stay unchanged before a change is reported (editors save in several steps).
    package let debounce: Duration

    /// Watches `paths` (default: `content`, `templates`, `ripple.yaml`) under `root`.
    package init(root: URL, paths: [String] = ["content", "templates", "ripple.yaml"],
                 interval: Duration = .milliseconds(300), debounce: Duration = .milliseconds(100)) {
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

    /// Reports each settled batch of changes (sorted relative paths) until the task is cancelled.
    /// Folders whose own stamp changed only because a file inside them changed are left out of the batch.
    /// `initial` is the snapshot to compare the first poll with; take it before the first build, so that a
    /// save during that build is not missed.
    package func changes(since initial: [String: Stamp]? = nil) -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let task = Task {
                var known = initial ?? snapshot()
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    var current = snapshot()
                    var batch = Set(Self.changes(from: known, to: current))
                    guard !batch.isEmpty else { continue }
                    // Wait until the tree is quiet, so one save (or a copied folder) is one rebuild.
                    for _ in 0..<50 where !Task.isCancelled {
                        try? await Task.sleep(for: debounce)
                        let next = snapshot()
                        let more = Self.changes(from: current, to: next)
                        current = next
                        if more.isEmpty { break }
                        batch.formUnion(more)
                    }
                    known = current
                    let files = batch.filter { path in
                        let stamp = current[path]
                        return stamp.map { !$0.isFolder } ?? true
                    }
                    continuation.yield((files.isEmpty ? batch : Set(files)).sorted())
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The file's stamp, following a symbolic link to what it names; nil when there is nothing there.
    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return Stamp(size: isFolder ? 0 : Int(info.st_size), modified: modified, inode: UInt64(info.st_ino), isFolder: isFolder)
    }
}
