import RippleCore

/// Guide order and nesting from `content/guide/SUMMARY.md` (mdBook's format, read by `BookOutline`), instead of
/// file-name prefixes and part folders: chapters come in the order it lists them, an entry's sub-entries become
/// the chapters of its part (numbered 4.1, 4.2), so files keep their names and their links.
struct GuideSummary: Sendable {
    /// Where the summary is, under `content/`.
    static let path = "content/guide/SUMMARY.md"

    let outline: BookOutline

    /// Reads a summary's text.
    init(text: String) {
        outline = BookOutline(summary: text)
    }

    /// `chapters` (in file reading order) in the summary's order with its nesting, and the problems: an entry naming a file that does not
    /// exist is an error at its line and column; a chapter the summary does not list is a warning and comes last,
    /// in file-name order. `files` are every source path, so a listed draft (not built) is no error.
    func order(_ chapters: [Page], files: Set<String>) -> (chapters: [Page], diagnostics: [Diagnostic]) {
        let bySource = Dictionary(chapters.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        var ordered: [Page] = []
        var placed: Set<String> = []
        var diagnostics: [Diagnostic] = []
        // A chapter at the top opens a part when entries below it are nested; it names the part.
        var currentPart: String?
        // `BookOutline` puts the chapters after a part title one level down.
        var topLevel = 0
        for entry in outline.entries {
            let location = SourceLocation(file: Self.path, line: entry.line, column: entry.column)
            if entry.isPartTitle {
                diagnostics.append(.warning("the part title '\(entry.title)' is not shown: Ripple's parts are chapters",
                                            at: location, hint: "list a chapter for the part, like '- [\(entry.title)](part/_index.md)', and indent its chapters under it"))
                currentPart = nil
                topLevel = 1
                continue
            }
            guard let target = entry.path else { continue }
            guard let source = OutputPath.normalize("content/guide/" + target), source.hasPrefix("content/guide/") else {
                diagnostics.append(.error("SUMMARY.md lists '\(target)', which is outside content/guide/", at: location,
                                          hint: "list chapters by their path relative to content/guide/, like '02-roles.md'"))
                continue
            }
            guard var page = bySource[source] else {
                if !files.contains(source) {
                    diagnostics.append(.error("SUMMARY.md lists '\(target)', which does not exist", at: location,
                                              hint: "create content/guide/\(target), or correct the path (relative to content/guide/)"))
                }
                continue
            }
            guard placed.insert(source).inserted else {
                diagnostics.append(.warning("SUMMARY.md lists '\(target)' a second time; its first place is kept", at: location,
                                            hint: "remove one of the two entries"))
                continue
            }
            // Ripple shows two levels: deeper entries join their part's chapters.
            if entry.level > topLevel, currentPart != nil {
                page.depth = 2
                page.part = currentPart
            } else {
                page.depth = 1
                page.part = nil
                currentPart = source
            }
            ordered.append(page)
        }
        for page in chapters where !placed.contains(page.source) {
            diagnostics.append(.warning("this chapter is not listed in content/guide/SUMMARY.md, so it comes after the listed ones",
                                        at: SourceLocation(file: page.source), hint: "add it to SUMMARY.md, like '- [Title](\(page.source.dropFirst("content/guide/".count)))'"))
            var page = page
            page.depth = 1
            page.part = nil
            ordered.append(page)
        }
        return (ordered, diagnostics)
    }
}
