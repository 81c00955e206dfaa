/// Output paths of the generated site: always relative, `/`-separated, and inside the output folder.
package enum OutputPath {
    /// Whether a slug or file stem is one safe path segment (no `/`, `\`, `..`, control characters).
    package static func isSafeSegment(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && !text.contains("/") && !text.contains("\\")
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0 == ":" }
    }

    /// Normalises a relative path (resolving `.` and `..`); nil when it would leave its root.
    package static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The directory part of a path (`guide/a/index.html` → `guide/a`), empty at the root.
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// A relative href from the page at `from` to the file at `to` (both site-relative file paths).
    package static func relativeHref(from: String, to: String) -> String {
        let fromDir = directory(of: from).split(separator: "/")
        let target = to.split(separator: "/")
        var common = 0
        while common < fromDir.count, common < target.count - 1, fromDir[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromDir.count - common)
        let rest = target[common...].map(String.init)
        let href = (ups + rest).joined(separator: "/")
        return href.isEmpty ? "index.html" : href
    }

    /// The prefix that leads from a page at `path` back to the site root (`""`, `"../"`, …).
    package static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
