import RippleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rule for symbolic links in a site: Ripple reads none under `content/` and `templates/`.
///
/// A link that leaves the site folder would publish whatever it names (`/etc/passwd`); one that stays inside can
/// still publish what is private (`content/pages/people.csv` → `content/data/participants.csv`, whose rows never
/// reach the site otherwise). Refusing every link is the one rule that holds for both, for files and folders, and
/// it keeps the output free of links. `FolderWalk` lists links without following them; `SiteLoader` refuses them.
enum SourceLink {
    /// The error for the link at `path` (relative to the site folder `root`), saying where it points.
    static func refusal(_ path: String, root: String) -> Diagnostic {
        let absolute = root + "/" + path
        let target = destination(of: absolute)
        let pointsTo: String
        if let real = resolved(absolute) {
            let site = resolved(root) ?? root
            pointsTo = real.hasPrefix(site + "/")
                ? "'\(real.dropFirst(site.count + 1))'"
                : "'\(target)', outside the site folder"
        } else {
            pointsTo = "'\(target)', which does not exist"
        }
        return .error("is a symbolic link (to \(pointsTo)), and Ripple does not follow links",
                      at: SourceLocation(file: path),
                      hint: "replace the link with a copy of what it points to, if that is meant to be published")
    }

    /// What the link at `path` says, as written.
    private static func destination(of path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The path with every link resolved; nil when it leads nowhere.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
