import RippleCore
import Synchronization

/// Finds where a broken link of the generated site was written: in the page's Markdown source, else in the
/// templates, by looking for the URL as written (with the `{{root}}` prefix `../` removed) or the link's text.
package final class LinkLocator: Sendable {
    /// A file to search: its path for diagnostics (relative to the site folder) and its text.
    package struct Text: Sendable {
        /// Path shown in diagnostics.
        package var path: String
        /// The file's UTF-8 bytes.
        private var bytes: [UInt8]

        /// Creates a searchable text.
        package init(path: String, text: String) {
            self.path = path
            bytes = Array(text.utf8)
        }

        /// The location of the first occurrence of `needle`. Searched over the whole file's bytes: a
        /// template's broken link is located once per page of the site, and a line-by-line `range(of:)` took
        /// seventeen seconds on a 10,000-page guide.
        package func find(_ needle: String) -> SourceLocation? {
            let needle = Array(needle.utf8)
            guard !needle.contains(UInt8(ascii: "\n")), let offset = ByteSearch.firstIndex(of: needle, in: bytes) else { return nil }
            let before = bytes[..<offset]
            let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
            let line = before.count { $0 == UInt8(ascii: "\n") } + 1
            // Columns count characters (Unicode scalars), not bytes: skip UTF-8 continuation bytes.
            let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
            return SourceLocation(file: path, line: line, column: column)
        }
    }

    private let origins: [String: String]
    private let makeSource: @Sendable (String) -> Text?
    private let madeSources = Mutex<[String: Text?]>([:])
    private let templates: [Text]
    private let cache = Mutex<[String: SourceLocation?]>([:])

    /// Creates a locator. `origins` maps output pages to their Markdown source path; `sources` are those
    /// sources; `templates` are the theme's template files (searched in path order).
    package convenience init(origins: [String: String], sources: [Text], templates: [Text]) {
        let byPath = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.init(origins: origins, templates: templates) { byPath[$0] }
    }

    /// Creates a locator whose Markdown sources are made by `source` (from a source path) when a broken link
    /// of their page is first located: a page's body may have to be read again from its file, so only the
    /// pages with broken links are.
    package init(origins: [String: String], templates: [Text], source: @escaping @Sendable (String) -> Text?) {
        self.origins = origins
        makeSource = source
        self.templates = templates.sorted { $0.path < $1.path }
    }

    /// Where `link` was written (a file and line), or nil when it cannot be found.
    package func locate(_ link: LinkChecker.BrokenLink) -> SourceLocation? {
        var needles = [link.url]
        var stripped = Substring(link.url)
        while stripped.hasPrefix("../") || stripped.hasPrefix("./") { stripped = stripped.drop { $0 == "." }.dropFirst() }
        if stripped != Substring(link.url), !stripped.isEmpty { needles.append(String(stripped)) }
        let text = link.text.trimmingCharacters(in: " ")
        if let source = origins[link.file].flatMap(sourceText) {
            // In Markdown the text of a link is written as `[text]`.
            for needle in needles + (text.isEmpty ? [] : ["[\(text)]"]) { if let found = source.find(needle) { return found } }
        }
        // In a template, as the content of an element: `>text<`.
        for needle in needles + (text.isEmpty ? [] : [">\(text)<"]) {
            if let found = inTemplates(needle) { return found }
        }
        return nil
    }

    /// The Markdown source of a generated page, when it has one.
    package func origin(of page: String) -> String? { origins[page] }

    private func sourceText(_ path: String) -> Text? {
        if let known = madeSources.withLock({ $0[path] }) { return known }
        let text = makeSource(path)
        madeSources.withLock { $0[path] = text }
        return text
    }

    private func inTemplates(_ needle: String) -> SourceLocation? {
        if let known = cache.withLock({ $0[needle] }) { return known }
        let found = templates.lazy.compactMap { $0.find(needle) }.first
        cache.withLock { $0[needle] = found }
        return found
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
