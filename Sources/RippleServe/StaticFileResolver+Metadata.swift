import Foundation

extension StaticFileResolver {
    /// Content types by lower-cased file extension; text types carry `charset=utf-8`.
    package static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "json": "application/json",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "pdf": "application/pdf",
        "epub": "application/epub+zip",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "csv": "text/csv; charset=utf-8",
        "map": "application/json",
    ]

    /// The content type for a file path; `application/octet-stream` for unknown extensions.
    package static func contentType(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return contentTypes[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// A strong validator from size and modification time (to the microsecond): every rebuild rewrites
    /// the output, so a changed file always gets a new tag, and comparing tags needs no hashing.
    package static func etag(size: Int, modified: Date) -> String {
        let micros = Int64((modified.timeIntervalSince1970 * 1_000_000).rounded())
        return "\"\(String(size, radix: 16))-\(String(micros, radix: 16))\""
    }

    /// Whether an `If-None-Match` header value matches `etag` (`*`, a list, and weak `W/` forms).
    package static func ifNoneMatch(_ header: String?, matches etag: String) -> Bool {
        guard let header else { return false }
        for candidate in header.split(separator: ",") {
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag == etag { return true }
        }
        return false
    }
}
