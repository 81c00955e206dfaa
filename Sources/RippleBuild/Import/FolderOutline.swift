/// The outline of a folder of Markdown: its files in name order (an `index.md`, `_index.md` or `README.md`
/// first), then each subfolder as a part opened by such a file (or by a part title made from its name), with
/// the Markdown below it as the part's chapters.
enum FolderOutline {
    static func outline(of files: [String: [UInt8]], read: (String) -> String?) -> BookOutline {
        let markdown = files.keys.filter { $0.hasSuffix(".md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        var topFiles: [String] = []
        var folders: [String: [String]] = [:]
        for path in markdown {
            let parts = path.split(separator: "/")
            if parts.count == 1 { topFiles.append(path) } else { folders[String(parts[0]), default: []].append(path) }
        }
        var entries: [BookOutline.Entry] = []
        for path in ordered(topFiles) { entries.append(.init(title: title(of: path, read: read), path: path, level: 0)) }
        for folder in folders.keys.sorted() {
            let paths = ordered(folders[folder]!)
            if let first = paths.first, isIndex(first), first.split(separator: "/").count == 2 {
                entries.append(.init(title: title(of: first, read: read), path: first, level: 0))
                for path in paths.dropFirst() { entries.append(.init(title: title(of: path, read: read), path: path, level: 1)) }
            } else {
                entries.append(.init(title: readable(folder), path: nil, level: 0, isPartTitle: true))
                for path in paths { entries.append(.init(title: title(of: path, read: read), path: path, level: 1)) }
            }
        }
        return BookOutline(entries: entries)
    }

    private static func isIndex(_ path: String) -> Bool {
        ["index.md", "_index.md", "readme.md"].contains(path.split(separator: "/").last!.lowercased())
    }

    /// Index files first, then by path.
    private static func ordered(_ paths: [String]) -> [String] {
        paths.sorted { a, b in isIndex(a) != isIndex(b) ? isIndex(a) : a < b }
    }

    /// The file's `title:` or first heading, else its name made readable.
    private static func title(of path: String, read: (String) -> String?) -> String {
        let text = read(path) ?? ""
        for line in text.split(separator: "\n").prefix(40) {
            if line.hasPrefix("title:") {
                return String(line.dropFirst(6)).trimmingCharacters(in: " \"'")
            }
            if line.hasPrefix("# ") { return String(line.dropFirst(2)).trimmingCharacters(in: " #") }
        }
        let name = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? path
        return readable(isIndex(path) ? String(path.split(separator: "/").dropLast().last ?? "Introduction") : name)
    }

    /// `02-getting_started` → `Getting started`.
    private static func readable(_ name: String) -> String {
        let words = name.drop { $0.isNumber }.drop { $0 == "-" || $0 == "_" }
            .replacing("-", with: " ").replacing("_", with: " ")
        let text = words.isEmpty ? name : String(words)
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
