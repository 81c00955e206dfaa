/// The outline of a folder of Markdown: its files and subfolders in Hugo's order (front matter `weight` first,
/// unweighted ones after them, then by name; an `index.md`, `_index.md` or `README.md` first), each subfolder as a
/// part opened by such a file (or by a part title made from its name, its weight that file's), with the Markdown
/// below it as the part's chapters.
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
        // Files and folders of the top level in one order: a folder goes by its index file's weight.
        let units = ordered(topFiles + folders.keys.map { folder in
            folders[folder]!.first { isIndex($0) && $0.split(separator: "/").count == 2 } ?? folder + "/"
        }, depth: 1, read: read)
        for unit in units {
            guard let folder = unit.split(separator: "/").first.map(String.init), let inFolder = folders[folder],
                  unit.contains("/") else {
                entries.append(.init(title: title(of: unit, read: read), path: unit, level: 0))
                continue
            }
            let paths = ordered(inFolder, depth: 2, read: read)
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

    /// The index file of the folder at `depth` (1 the top) first, then by weight (unweighted last, as in Hugo),
    /// then by path.
    private static func ordered(_ paths: [String], depth: Int, read: (String) -> String?) -> [String] {
        let keyed = paths.map { path in
            (path, isIndex(path) && path.split(separator: "/").count == depth ? 0 : 1, weight(of: path, read: read), path)
        }
        return keyed.sorted { ($0.1, $0.2, $0.3) < ($1.1, $1.2, $1.3) }.map(\.0)
    }

    /// Hugo's `weight` (`weight: 3` or `weight = 3`) from the first lines; `Int.max` when none or 0, which Hugo
    /// also puts last.
    private static func weight(of path: String, read: (String) -> String?) -> Int {
        guard let text = read(path) else { return Int.max }
        for line in text.split(separator: "\n").prefix(40) where line.hasPrefix("weight") {
            let value = String(line.dropFirst(6).drop { $0 == " " || $0 == ":" || $0 == "=" }).trimmingCharacters(in: " \"'\r")
            if let weight = Int(value), weight != 0 { return weight }
        }
        return Int.max
    }

    /// The file's `title:` or first heading, else its name made readable.
    private static func title(of path: String, read: (String) -> String?) -> String {
        let text = read(path) ?? ""
        for line in text.split(separator: "\n").prefix(40) {
            if line.hasPrefix("title:") || line.hasPrefix("title =") {
                return String(line.dropFirst(line.hasPrefix("title:") ? 6 : 7)).trimmingCharacters(in: " \"'\r")
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
