import RippleCore

/// One program data file as read from disk: its path relative to the site folder and its raw bytes.
///
/// The loader never touches the file system; the build stage reads `content/data/*` and hands the
/// files over as they were read.
package typealias DataFile = SourceFile

extension SourceFile {
    /// The last path component (`pairs.csv`).
    var fileName: String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    /// The folder part of the path (`content/data`), or `nil` when the path has no folder.
    var folder: String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// The file name without its extension: the table name.
    var stem: String {
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The lowercased extension without the dot, or "".
    var fileExtension: String {
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
