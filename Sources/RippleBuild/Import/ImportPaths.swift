import RippleCore

/// Paths inside an imported book: `/`-separated, relative to its source folder.
enum ImportPaths {
    /// `target` (as a link or include writes it) relative to the folder of `file`; nil when it leaves the book.
    static func resolve(_ target: String, relativeTo file: String) -> String? {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : OutputPath.directory(of: file).isEmpty
            ? target : OutputPath.directory(of: file) + "/" + target
        guard let normalized = OutputPath.normalize(joined), !normalized.hasPrefix("../"), normalized != ".." else { return nil }
        return normalized
    }

    /// Whether a link leaves the book (`https:`, `mailto:`, `//host`) or stays on the page (`#anchor`).
    static func isExternalOrLocal(_ target: String) -> Bool {
        if target.isEmpty || target.hasPrefix("#") || target.hasPrefix("//") { return true }
        guard let colon = target.firstIndex(of: ":") else { return false }
        return target[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
