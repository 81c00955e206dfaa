import RippleCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files read by earlier loads, with their stamp (size, modification time, inode) and the hash of their bytes:
/// a file whose stamp is unchanged is taken from here instead of being read again (`ripple serve` rebuilding a
/// 10,000-chapter guide after one save reads one file, not 90 MB).
///
/// An entry restored from the incremental cache (`ripple build --incremental` in a new process) has no bytes:
/// its file is then known by its hash only (`Read.unread`), and whoever needs its bytes reads it then.
package final class FileMemo: Sendable {
    /// What is known of a file: its stamp, the hash of its bytes and, unless restored from the cache, the bytes.
    struct Entry: Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        var hash: UInt64
        var bytes: [UInt8]?
        /// Whether the file was modified well before it was read; see `read`.
        var settled: Bool
    }

    /// A file as a load found it.
    enum Read {
        /// Its bytes (read now, or kept from an earlier read of the same stamp).
        case bytes([UInt8])
        /// Not read: the cache knows it by this stamp, with this hash of its bytes.
        case unread(hash: UInt64)
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// The files found under each folder (relative to the site) by the last load, sorted by path.
    private let loads = Mutex<[String: [SourceFile]]>([:])

    /// An empty memo.
    package init() {}

    /// The bytes of the file at `path`: kept ones when its stamp is as when they were read, else read now (nil
    /// when it cannot be read).
    func read(_ path: String) -> [UInt8]? {
        guard case .bytes(let bytes)? = read(path, kept: entries.withLock { $0[path] }, mayLeaveUnread: false) else { return nil }
        return bytes
    }

    /// Each file as `read(_:)` gives it, or `.unread` when `mayLeaveUnread(path)` and the memo knows it by its
    /// stamp without its bytes (restored from the cache); the memo is looked up once for all (on all cores, a
    /// lock per file was contended), and the files it does not know are asked of the disk at once.
    func read(_ paths: [String], mayLeaveUnread: (String) -> Bool = { _ in false }) -> [Read?] {
        let kept = entries.withLock { entries in paths.map { entries[$0] } }
        let unreadable = paths.map(mayLeaveUnread)
        FolderWalk.prefetch(zip(paths, kept).compactMap { $1 == nil ? $0 : nil })  // see `SiteLoader`
        return Array(paths.indices).parallelMap { i in read(paths[i], kept: kept[i], mayLeaveUnread: unreadable[i]) }
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

    private func read(_ path: String, kept: Entry?, mayLeaveUnread: Bool) -> Read? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }  // a link has its own stamp, and is not read (FolderWalk)
        let size = Int(info.st_size), seconds = Int(info.st_mtim.tv_sec), nanoseconds = Int(info.st_mtim.tv_nsec)
        let inode = UInt64(info.st_ino)
        if let kept, kept.settled, kept.size == size, kept.seconds == seconds, kept.nanoseconds == nanoseconds, kept.inode == inode {
            if let bytes = kept.bytes { return .bytes(bytes) }
            if mayLeaveUnread { return .unread(hash: kept.hash) }
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard let bytes = FolderWalk.read(path) else { return nil }
        // File times are coarse (a clock tick, or a second on some file systems): a file modified less than a
        // second before it was read could change again with the same time and size, so it is read again next
        // time ("racy" entries, as git calls them). Times are taken before reading, so a save during the read
        // is seen too.
        let settled = Int(now.tv_sec) - seconds > 1
        let entry = Entry(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode, hash: ContentHash.of(bytes),
                          bytes: bytes, settled: settled)
        entries.withLock { $0[path] = entry }
        return .bytes(bytes)
    }

    /// The settled entries (absolute path → entry), without their bytes, for the incremental cache.
    var stamps: [String: Entry] {
        entries.withLock { entries in
            entries.compactMapValues { $0.settled ? Entry(size: $0.size, seconds: $0.seconds, nanoseconds: $0.nanoseconds,
                                                          inode: $0.inode, hash: $0.hash, bytes: nil, settled: true) : nil }
        }
    }

    /// Takes entries saved by an earlier process (`stamps`): their files are known by stamp and hash.
    func restore(_ stamps: [String: Entry]) {
        entries.withLock { $0.merge(stamps) { kept, _ in kept } }
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
