/// Output paths of the generated site: always relative, `/`-separated, and inside the output folder.
package enum OutputPath {
    /// Whether a slug or file stem is one safe path segment (no `/`, `\`, `..`, control characters).
    package static func isSafeSegment(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && !text.contains("/") && !text.contains("\\")
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0 == ":" }
    }

    /// Normalises a relative path (resolving `.` and `..`); nil when it would leave its root.
    package static func normalize(_ path: String) -> String? {
        var parts: [ArraySlice<UInt8>] = []
        for part in segments(path) {
            if part.count == 1, part.first == UInt8(ascii: ".") { continue }
            if part.count == 2, part.first == UInt8(ascii: "."), part.last == UInt8(ascii: ".") {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(path.utf8.count)
        for part in parts {
            if !joined.isEmpty { joined.append(UInt8(ascii: "/")) }
            joined.append(contentsOf: part)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The directory part of a path (`guide/a/index.html` → `guide/a`), empty at the root.
    package static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// A relative href from the page at `from` to the file at `to` (both site-relative file paths).
    ///
    /// Works on UTF-8 bytes: every page's sidebar and every link needs one, tens of thousands per build.
    package static func relativeHref(from: String, to: String) -> String {
        let fromDir = segments(directory(of: from)), target = segments(to)
        var common = 0
        while common < fromDir.count, common < target.count - 1, fromDir[common] == target[common] { common += 1 }
        var href: [UInt8] = []
        href.reserveCapacity(to.utf8.count + 3 * (fromDir.count - common))
        for _ in common..<fromDir.count {
            if !href.isEmpty { href.append(UInt8(ascii: "/")) }
            href.append(UInt8(ascii: ".")); href.append(UInt8(ascii: "."))
        }
        for segment in target[common...] {
            if !href.isEmpty { href.append(UInt8(ascii: "/")) }
            href.append(contentsOf: segment)
        }
        return href.isEmpty ? "index.html" : String(decoding: href, as: UTF8.self)
    }

    /// The non-empty `/`-separated parts of `path`, as UTF-8 byte slices.
    private static func segments(_ path: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(path.utf8)
        return bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
    }

    /// The prefix that leads from a page at `path` back to the site root (`""`, `"../"`, …).
    package static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// Percent-encodes what may not appear raw in a URL path (spaces, non-ASCII).
    package static func percentEncoded(_ path: String) -> String {
        guard path.utf8.contains(where: { !isAllowed($0) }) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count * 3)
        for byte in path.utf8 {
            if isAllowed(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII letters, digits and the path punctuation RFC 3986 allows unencoded.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "/-._~!$&'()*+,;=:@".utf8.contains(byte)
        }
    }
}
