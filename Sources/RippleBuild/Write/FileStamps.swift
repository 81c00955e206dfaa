import RippleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stamps (size, modification time, content hash) of the files a build wrote into a folder, so the build after
/// next, writing into that folder again, skips unchanged files without reading them back (with page-cache
/// reclaim, reading 10,000 old pages can mean reading them from disk).
///
/// They are kept beside the folder, not in it, so the published site stays byte-identical from build to build,
/// in a file named after the folder's inode: the output and staging folders are swapped by renaming, and the
/// inode moves with the folder.
enum FileStamps {
    /// The stamps file of `folder` (inside `parent`, for the output folder called `name`); nil when the folder is
    /// missing.
    static func path(of folder: String, parent: String, name: String) -> String? {
        var info = stat()
        guard stat(folder, &info) == 0 else { return nil }
        return parent + "/" + prefix(name) + String(info.st_ino)
    }

    /// The stamps saved at `path` (none when it is missing or unreadable).
    static func read(_ path: String) -> [String: FileReplace.Stamp] {
        guard let bytes = FolderWalk.read(path) else { return [:] }
        var stamps: [String: FileReplace.Stamp] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, let hash = UInt64(parts[0]), let size = Int(parts[1]), let seconds = Int(parts[2]),
                  let nanoseconds = Int(parts[3]) else { continue }
            stamps[String(parts[4])] = FileReplace.Stamp(size: size, seconds: seconds, nanoseconds: nanoseconds, hash: hash)
        }
        return stamps
    }

    /// Saves `stamps` at `path` (a failure only makes the build after next compare by reading).
    static func write(_ stamps: [String: FileReplace.Stamp], to path: String) {
        let text = stamps.keys.sorted().map { key in
            let stamp = stamps[key]!
            return "\(stamp.hash) \(stamp.size) \(stamp.seconds) \(stamp.nanoseconds) \(key)\n"
        }.joined()
        let temporary = path + ".tmp"
        _ = try? Array(text.utf8).withUnsafeBytes { try FileReplace.replace(temporary, with: $0) }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Deletes the stamps files in `parent` for the output called `name` other than `keeping`.
    static func removeOthers(in parent: String, name: String, keeping: Set<String>) {
        guard let directory = opendir(parent) else { return }
        defer { closedir(directory) }
        let start = prefix(name)
        while let entry = readdir(directory) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if file.hasPrefix(start), !keeping.contains(parent + "/" + file) { unlink(parent + "/" + file) }
        }
    }

    private static func prefix(_ name: String) -> String { ".\(name).ripple-stamps-" }
}
