#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists and reads the files of a folder with POSIX calls. Foundation's enumerator (a URL and a resource-value
/// lookup per file) and `Data` reads took over a second for a 10,000-chapter guide; this takes a fraction.
enum FolderWalk {
    /// One regular file found under a folder.
    struct Entry: Sendable {
        /// Path relative to the walked folder, `/`-separated.
        var relative: String
        /// Absolute path.
        var path: String
    }

    /// Regular files under `folder` (symbolic links to files count; hidden names, editor backups `name~` and
    /// linked folders are skipped, as `ripple serve`'s watcher skips them), in no particular order. An unreadable or missing folder gives no entries.
    static func files(in folder: String) -> [Entry] {
        var found: [Entry] = []
        walk(folder, relative: "", into: &found)
        return found
    }

    private static func walk(_ folder: String, relative: String, into found: inout [Entry]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name.hasSuffix("~") { continue }  // hidden files and editor backups
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                walk(path, relative: relativePath, into: &found)
            case Int32(DT_REG):
                found.append(Entry(relative: relativePath, path: path))
            default:
                // Symbolic links and file systems that do not fill d_type: ask stat (which follows links);
                // linked folders are not descended into, like Foundation's enumerator.
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFREG {
                    found.append(Entry(relative: relativePath, path: path))
                } else if info.st_mode & S_IFMT == S_IFDIR, Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    walk(path, relative: relativePath, into: &found)
                }
            }
        }
    }

    /// Whether `files(in:)` would list the file at `path` (`relative` to the walked folder): a regular file, or a
    /// link to one, with no hidden name on the way, and not inside a linked folder.
    static func isListed(relative: String, path: String) -> Bool {
        let names = relative.split(separator: "/")
        guard !names.isEmpty, !names.contains(where: { $0.hasPrefix(".") || $0.hasSuffix("~") }) else { return false }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        // Every folder on the way must be a real folder: linked folders are not walked.
        var folder = String(path.dropLast(relative.count))
        for name in names.dropLast() {
            folder += name
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
            folder += "/"
        }
        return true
    }

    /// The bytes of the file at `path`, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1  // one more, to see the end without another grow
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: capacity)); capacity *= 2 }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 { if errno == EINTR { continue }; return nil }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
