/// The chapters of a book to import, in reading order, as its own table of contents gives them (mdBook's
/// `SUMMARY.md`, or a folder's listing).
struct BookOutline: Sendable, Equatable {
    /// One entry of the table of contents.
    struct Entry: Sendable, Equatable {
        /// The title the table of contents gives.
        var title: String
        /// The chapter's file, relative to the book's source folder; nil for a part title or a draft chapter.
        var path: String?
        /// 0 for a part title (`# Part`) or a top-level chapter, 1 for a chapter under it, 2 and more deeper.
        var level: Int
        /// Whether this is a part title (a heading between chapters), not a chapter.
        var isPartTitle: Bool = false
        /// Where the entry is in `SUMMARY.md` (line and column of its `[` or `#`, from 1); 0 when not from a file.
        var line = 0, column = 0
    }

    var entries: [Entry]

    /// Reads mdBook's `SUMMARY.md`: `# Part` headings, `- [Title](file.md)` list items nested by indentation,
    /// prefix and suffix chapters (`[Title](file.md)` without a bullet) and drafts (`- [Title]()`).
    init(summary: String) {
        var entries: [Entry] = []
        var indents: [Int] = []
        var sawChapter = false
        for (number, rawLine) in summary.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.replacing("\t", with: "    ")
            let indent = line.prefix { $0 == " " }.count
            var text = line.drop { $0 == " " }
            if text.hasPrefix("#") {
                // The first heading is the summary's own title; later ones name parts.
                let title = text.drop { $0 == "#" }.trimmingSpaces
                if sawChapter || !entries.isEmpty {
                    entries.append(Entry(title: title, path: nil, level: 0, isPartTitle: true, line: number + 1, column: indent + 1))
                }
                indents = []
                sawChapter = true
                continue
            }
            var isListItem = false
            var column = indent + 1
            if text.hasPrefix("- ") || text.hasPrefix("* ") {
                text = text.dropFirst(2)
                isListItem = true
                column += 2
            }
            guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { continue }
            let title = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix("("), let end = rest.firstIndex(of: ")") else { continue }
            let target = rest[rest.index(after: rest.startIndex)..<end].trimmingSpaces
            var level = 0
            if isListItem {
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
                level = indents.count - 1
            } else {
                indents = []
            }
            // Chapters under a part title sit one level below it.
            if isListItem, entries.contains(where: \.isPartTitle) { level += 1 }
            sawChapter = true
            entries.append(Entry(title: title, path: target.isEmpty ? nil : Self.withoutDotSlash(target), level: level,
                                 line: number + 1, column: column))
        }
        self.entries = entries
    }

    init(entries: [Entry]) {
        self.entries = entries
    }

    private static func withoutDotSlash(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}

extension Substring {
    /// Without spaces at either end.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
