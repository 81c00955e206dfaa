import Foundation

/// Maps a request's URL path onto a file inside the output folder, refusing anything that could reach
/// outside it. The path checks are pure; `resolve(_:)` then asks the file system what is there.
package struct StaticFileResolver: Sendable {
    /// What a URL path leads to.
    package enum Resolution: Equatable, Sendable {
        /// A regular file inside the root, with its content type.
        case file(URL, contentType: String)
        /// A folder asked for without its trailing slash: redirect to this location (path and query).
        case redirect(String)
        /// Nothing there.
        case notFound
        /// A path that is malformed or tries to leave the root.
        case refused
    }

    /// The output folder, with symlinks resolved.
    package let root: URL

    /// Creates a resolver over `root` (the folder is canonicalised so that symlink checks compare like with like).
    package init(root: URL) {
        self.root = URL(fileURLWithPath: root.standardizedFileURL.resolvingSymlinksInPath().path, isDirectory: true)
    }

    /// Splits a raw, percent-encoded request path into safe path segments, or nil when it is refused:
    /// missing leading slash, bad percent escapes, encoded slashes or backslashes, NUL or other control
    /// characters, `.` / `..` segments (raw or encoded), and hidden files (`.git`, `.DS_Store`).
    package static func segments(of rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\") else { return nil }
        var result: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            let lower = raw.lowercased()
            // An encoded separator would let one segment name a path in another folder.
            if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") { return nil }
            guard let segment = raw.removingPercentEncoding else { return nil }
            if segment.hasPrefix(".") { return nil }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "/" || $0 == "\\" }) {
                return nil
            }
            result.append(segment)
        }
        return result
    }

    /// Resolves a raw request path (percent-encoded, without the query) to what should be served.
    /// `query` is kept on redirects so that `/guide?x=1` goes to `/guide/?x=1`.
    package func resolve(_ rawPath: String, query: String = "") -> Resolution {
        guard let segments = Self.segments(of: rawPath) else { return .refused }
        var candidate = root
        for segment in segments { candidate.appendPathComponent(segment, isDirectory: false) }

        guard let kind = fileKind(candidate) else { return .notFound }
        switch kind {
        case .directory:
            guard rawPath.hasSuffix("/") else {
                return .redirect(rawPath + "/" + (query.isEmpty ? "" : "?" + query))
            }
            let index = candidate.appendingPathComponent("index.html", isDirectory: false)
            guard fileKind(index) == .regular, isInsideRoot(index) else { return .notFound }
            return .file(index, contentType: Self.contentType(forPath: index.path))
        case .regular:
            // A file asked for as a folder (`/style.css/`) is not a folder.
            guard !rawPath.hasSuffix("/") else { return .notFound }
            guard isInsideRoot(candidate) else { return .refused }
            return .file(candidate, contentType: Self.contentType(forPath: candidate.path))
        }
    }

    /// The site's own `404.html`, when it has one.
    package var notFoundPage: URL? {
        let page = root.appendingPathComponent("404.html", isDirectory: false)
        return fileKind(page) == .regular && isInsideRoot(page) ? page : nil
    }

    private enum Kind { case regular, directory }

    /// Follows symlinks (`stat`), so a link is judged by what it points to; `isInsideRoot` then checks where.
    private func fileKind(_ url: URL) -> Kind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return .directory }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        return attributes?[.type] as? FileAttributeType == .typeRegular ? .regular : nil
    }

    /// Whether the file, with every symlink along its path resolved, is still under the root.
    private func isInsideRoot(_ url: URL) -> Bool {
        let resolved = url.resolvingSymlinksInPath().path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return resolved.hasPrefix(rootPath)
    }
}
