import RippleCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files read by earlier loads, with their size and modification time: a file whose size and time are
/// unchanged is taken from here instead of being read again (`ripple serve` rebuilding a 10,000-chapter guide
/// after one save reads one file, not 90 MB).
package final class FileMemo: Sendable {
    private struct Entry: Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var bytes: [UInt8]
        /// Whether the file was modified well before it was read; see `read`.
        var settled: Bool
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// The files found under each folder (relative to the site) by the last load, sorted by path.
    private let loads = Mutex<[String: [SourceFile]]>([:])

    /// An empty memo.
    package init() {}

    /// The bytes of the file at `path`: kept ones when its size and modification time are as when they were
    /// read, else read now (nil when it cannot be read).
    func read(_ path: String) -> [UInt8]? {
        read(path, kept: entries.withLock { $0[path] })
    }

    /// The bytes of each file, as `read(_:)` gives them; the memo is looked up once for all (on all cores, a
    /// lock per file was contended), and the files it does not know are asked of the disk at once.
    func read(_ paths: [String]) -> [[UInt8]?] {
        let kept = entries.withLock { entries in paths.map { entries[$0] } }
        FolderWalk.prefetch(zip(paths, kept).compactMap { $1 == nil ? $0 : nil })  // see `SiteLoader`
        return Array(paths.indices).parallelMap { i in read(paths[i], kept: kept[i]) }
    }

    /// The files the last load found under `folder` (relative to the site), sorted by path.
    func lastLoad(under folder: String) -> [SourceFile]? {
        loads.withLock { $0[folder] }
    }

    /// Remembers what a load found under `folder`.
    func remember(_ files: [SourceFile], under folder: String) {
        loads.withLock { $0[folder] = files }
    }

    /// Forgets what the last load found under `folder`.
    func forgetLoad(under folder: String) {
        _ = loads.withLock { $0.removeValue(forKey: folder) }
    }

    /// Forgets the file at `path` (absolute): deleted or renamed since.
    func forget(_ path: String) {
        entries.withLock { $0[path] = nil }
    }

    private func read(_ path: String, kept: Entry?) -> [UInt8]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }  // a link has its own stamp, and is not read (FolderWalk)
        let size = Int(info.st_size), seconds = Int(info.st_mtim.tv_sec), nanoseconds = Int(info.st_mtim.tv_nsec)
        if let kept, kept.settled, kept.size == size, kept.seconds == seconds, kept.nanoseconds == nanoseconds {
            return kept.bytes
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard let bytes = FolderWalk.read(path) else { return nil }
        // File times are coarse (a clock tick, or a second on some file systems): a file modified less than a
        // second before it was read could change again with the same time and size, so it is read again next
        // time ("racy" entries, as git calls them). Times are taken before reading, so a save during the read
        // is seen too.
        let settled = Int(now.tv_sec) - seconds > 1
        entries.withLock {
            $0[path] = Entry(size: size, seconds: seconds, nanoseconds: nanoseconds, bytes: bytes, settled: settled)
        }
        return bytes
    }

    /// Forgets the files under `folder` (an absolute path) that are not in `paths`: deleted or renamed since.
    func keep(only paths: Set<String>, under folder: String) {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        entries.withLock { entries in
            // Removed in place: rebuilding a 10,000-entry dictionary on every rebuild showed in profiles.
            let gone = entries.keys.filter { $0.hasPrefix(prefix) && !paths.contains($0) }
            for path in gone { entries[path] = nil }
        }
    }
}
