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
        /// A malformed path, or one that names a hidden file or a parent folder (`..`).
        case refused
    }

    /// The output folder, with symlinks resolved.
    package let root: URL

    /// Creates a resolver over `root` (the folder is canonicalised so that symlink checks compare like with like).
    package init(root: URL) {
        let path = root.standardizedFileURL.path
        self.root = URL(fileURLWithPath: Self.realPath(path) ?? path, isDirectory: true)
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

    /// Resolves a raw request path (percent-encoded, without the query) to what should be served: the file's
    /// real path (every symlink resolved), so that what is checked is what is read. A path whose real location is
    /// outside the root, through a symlink anywhere along it, is not found: the preview never serves it.
    /// `query` is kept on redirects so that `/guide?x=1` goes to `/guide/?x=1`.
    package func resolve(_ rawPath: String, query: String = "") -> Resolution {
        guard let segments = Self.segments(of: rawPath) else { return .refused }
        var candidate = root
        for segment in segments { candidate.appendPathComponent(segment, isDirectory: false) }

        guard let real = insideRealPath(candidate.path), let kind = Self.fileKind(real) else { return .notFound }
        switch kind {
        case .directory:
            guard rawPath.hasSuffix("/") else {
                return .redirect(rawPath + "/" + (query.isEmpty ? "" : "?" + query))
            }
            guard let index = insideRealPath(real + "/index.html"), Self.fileKind(index) == .regular else { return .notFound }
            return .file(URL(fileURLWithPath: index, isDirectory: false), contentType: Self.contentType(forPath: index))
        case .regular:
            // A file asked for as a folder (`/style.css/`) is not a folder.
            guard !rawPath.hasSuffix("/") else { return .notFound }
            // The type follows the name asked for, as the browser sees it.
            return .file(URL(fileURLWithPath: real, isDirectory: false), contentType: Self.contentType(forPath: candidate.path))
        }
    }

    /// The site's own `404.html`, when it has one.
    package var notFoundPage: URL? {
        guard let page = insideRealPath(root.path + "/404.html"), Self.fileKind(page) == .regular else { return nil }
        return URL(fileURLWithPath: page, isDirectory: false)
    }

    /// The bytes of a file `resolve` returned, checked again: the build may have replaced it since.
    package func contents(of file: URL) -> [UInt8]? {
        guard let real = insideRealPath(file.path), Self.fileKind(real) == .regular else { return nil }
        return try? [UInt8](Data(contentsOf: URL(fileURLWithPath: real, isDirectory: false)))
    }

    private enum Kind { case regular, directory }

    /// What is at a real path (no symlinks left to follow): a regular file, a folder, or nothing servable.
    private static func fileKind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return nil
        }
    }

    /// The real path of `path` (`realpath`: every symlink along it resolved) when it exists and is inside the root.
    private func insideRealPath(_ path: String) -> String? {
        // The root's own real path is taken again each time: the build swaps the whole folder into place.
        guard let real = Self.realPath(path), let rootReal = Self.realPath(root.path) else { return nil }
        return real == rootReal || real.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/") ? real : nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
