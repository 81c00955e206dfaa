#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists and reads the files of a folder with POSIX calls. Foundation's enumerator (a URL and a resource-value
/// lookup per file) and `Data` reads took over a second for a 10,000-chapter guide; this takes a fraction.
///
/// The loader and `ripple serve`'s watcher both walk with it, so the watcher sees exactly the files a build reads.
package enum FolderWalk {
    /// One file or folder found under a folder.
    package struct Entry: Sendable {
        /// Path relative to the walked folder, `/`-separated.
        package var relative: String
        /// Absolute path.
        package var path: String
        /// Whether the entry is a symbolic link (to a file, a folder or nothing): listed, never followed, so that
        /// the loader can refuse it (see `SiteLoader`) and `ripple serve` hears of it changing.
        package var isLink: Bool

        /// Creates an entry.
        package init(relative: String, path: String, isLink: Bool = false) {
            self.relative = relative
            self.path = path
            self.isLink = isLink
        }
    }

    /// Regular files and symbolic links under `folder` (hidden names and editor backups `name~` are skipped), in no
    /// particular order. Links are listed whatever they point to (`isLink`) and never followed: a linked folder is
    /// not walked. An unreadable or missing folder gives no entries.
    package static func files(in folder: String) -> [Entry] {
        var found: [Entry] = []
        visit(folder, folder: { _ in }, file: { found.append($0) })
        return found
    }

    /// Calls `folder` for every folder and `file` for every file that `files(in:)` lists under `folder`.
    package static func visit(_ root: String, folder: (Entry) -> Void, file: (Entry) -> Void) {
        walk(root, relative: "", folder: folder, file: file)
    }

    private static func walk(_ path: String, relative: String, folder: (Entry) -> Void, file: (Entry) -> Void) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name.hasSuffix("~") { continue }  // hidden files and editor backups
            let found = Entry(relative: relative.isEmpty ? name : relative + "/" + name, path: path + "/" + name)
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                folder(found)
                walk(found.path, relative: found.relative, folder: folder, file: file)
            case Int32(DT_REG):
                file(found)
            case Int32(DT_LNK):
                file(Entry(relative: found.relative, path: found.path, isLink: true))
            default:
                // File systems that do not fill d_type: ask lstat (which does not follow links).
                var info = stat()
                guard lstat(found.path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: file(found)
                case S_IFLNK: file(Entry(relative: found.relative, path: found.path, isLink: true))
                case S_IFDIR:
                    folder(found)
                    walk(found.path, relative: found.relative, folder: folder, file: file)
                default: continue
                }
            }
        }
    }

    /// Whether `files(in:)` would list the file at `path` (`relative` to the walked folder): a regular file or a
    /// symbolic link, with no hidden name on the way, and not inside a linked folder.
    package static func isListed(relative: String, path: String) -> Bool {
        let names = relative.split(separator: "/")
        guard !names.isEmpty, !names.contains(where: { $0.hasPrefix(".") || $0.hasSuffix("~") }) else { return false }
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG || info.st_mode & S_IFMT == S_IFLNK else { return false }
        // Every folder on the way must be a real folder: linked folders are not walked.
        var folder = String(path.dropLast(relative.count))
        for name in names.dropLast() {
            folder += name
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
            folder += "/"
        }
        return true
    }

    /// Asks the kernel to start reading the files at `paths` into memory, without waiting for them (Linux;
    /// elsewhere it does nothing). Reading 10,000 files one by one on two threads waits for the disk one file at a
    /// time when they are not cached (a rebuild's sources and output, evicted since the last build); asked for all
    /// at once, the disk reads many at a time and the readers find the bytes there. Called on the reading thread
    /// (10,000 files: about 40 ms when cached): on a thread of its own it raised a build's peak memory by 45 MB.
    package static func prefetch(_ paths: [String]) {
        #if os(Linux)
        for path in paths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            close(descriptor)
        }
        #endif
    }

    /// Whether the file at `path` is a symbolic link (to anything, or to nothing).
    package static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The bytes of the file at `path`, or nil when it cannot be read. A symbolic link is not followed (nil): what
    /// Ripple reads from a site must not lead outside it, and a link swapped in after the walk is refused too.
    package static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // One byte more than the size, to see the end without another grow; read into uninitialised storage,
        // since zero-filling tens of megabytes of cache segments first showed in the incremental build's profile.
        var capacity = max(Int(info.st_size), 0) + 1
        var bytes: [UInt8] = []
        while true {
            var failed = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                if count > 0 { previous.withUnsafeBufferPointer { buffer.baseAddress!.initialize(from: $0.baseAddress!, count: count) } }
                while count < capacity {
                    let got = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
                    if got < 0 { if errno == EINTR { continue }; failed = true; return }
                    if got == 0 { return }
                    count += got
                }
            }
            if failed { return nil }
            if bytes.count < capacity { return bytes }
            capacity *= 2  // the file grew while it was read
        }
    }
}
