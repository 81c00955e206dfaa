import Foundation
import RippleCore

/// Checks the links of a site written to a folder (the staged output, before it is swapped in) and turns the
/// broken ones into located diagnostics: one per place a link was written, however many pages repeat it.
package struct SiteLinkCheck: Sendable {
    /// What the check found.
    package struct Result: Sendable {
        /// One error per broken link (grouped by where it was written), sorted by location.
        package var diagnostics: [Diagnostic]
        /// Links to other sites, listed but never fetched.
        package var external: [LinkChecker.ExternalLink]
    }

    /// The folder holding the generated site.
    package var folder: URL
    /// Every file of the folder (as `files(in:)` lists them), when the caller already knows them.
    package var paths: [String]?
    /// Makes the locator; only called when a link is broken (it reads every source and template).
    package var makeLocator: @Sendable () -> LinkLocator
    /// Pages already scanned as they were written; the others are read from the folder.
    var scanned = Scanned()

    /// The first pass of pages taken while they were written (see `LinkScanningSink`).
    struct Scanned: Sendable {
        /// Scans by output path.
        var pages: [String: PageLinks] = [:]
        /// The table their link targets are numbered in.
        var paths = LinkPathTable()
    }

    /// Finds the source lines of broken links.
    package var locator: LinkLocator { makeLocator() }

    /// Creates a check of `folder`.
    package init(folder: URL, locator: LinkLocator) {
        self.folder = folder
        self.makeLocator = { locator }
    }

    /// Creates a check of `folder`, whose files are `paths` (sorted, as `files(in:)` lists them); `locator` is
    /// only called when a link is broken.
    package init(folder: URL, paths: [String]?, locator: @escaping @Sendable () -> LinkLocator) {
        self.folder = folder
        self.paths = paths
        self.makeLocator = locator
    }

    /// Reads every file of the folder, checks every link, and reports.
    package func run() -> Result {
        let (broken, external) = check()
        return Result(diagnostics: broken.isEmpty ? [] : Self.diagnostics(broken, locator: locator), external: external)
    }

    /// Every broken link, by file then position, and every external link, by URL: what `LinkChecker.check()`
    /// finds for the whole folder.
    ///
    /// Two passes keep it fast and lean: a byte scan of every page keeps only its ids and the links that may be
    /// broken; then only those links are looked at exactly (`LinkChecker`'s rules), with their lines and texts
    /// from a second scan of just their pages.
    func check() -> (broken: [LinkChecker.BrokenLink], external: [LinkChecker.ExternalLink]) {
        let paths = paths ?? Self.files(in: folder)
        let html = paths.filter { $0.hasSuffix(".html") }
        let css = paths.filter { $0.hasSuffix(".css") }
        var lookup = Dictionary(paths.map { ($0, Int32(-1)) }, uniquingKeysWith: { a, _ in a })
        for (index, path) in html.enumerated() where lookup[path] == -1 { lookup[path] = Int32(index) }
        let summaries = scanPages(html, lookup: lookup)

        var suspects = summaries.map(\.suspects)
        for (page, summary) in summaries.enumerated() {
            for (ordinal, target, fragment) in summary.fragments {
                let found = fragment.utf8.withContiguousStorageIfAvailable { summaries[Int(target)].ids.contains($0) } ?? false
                if !found { suspects[page].append(ordinal) }
            }
        }
        var external: [String: Set<String>] = [:]
        for (page, summary) in summaries.enumerated() {
            for url in summary.external { external[url, default: []].insert(html[page]) }
        }

        // The exact check, on the suspects only.
        let root = folder
        let wanted = suspects.enumerated().filter { !$0.element.isEmpty }.map { (html[$0.offset], Set($0.element.map(Int.init))) }
        let detailed: [(String, [LinkScanner.Link])] = wanted.parallelMap { path, ordinals in
            (path, Self.read(root.appending(path: path)) { LinkScanner.links($0, ordinals) })
        }
        let sheets = css.map { ($0, LinkScanner.cssURLs(Self.read(root.appending(path: $0)) { Array($0) })) }
        let files = Set(paths)
        var ids: [String: Set<String>?] = [:]
        var broken: [LinkChecker.BrokenLink] = []
        for (file, links) in (detailed + sheets).sorted(by: { $0.0 < $1.0 }) {
            for link in links {
                switch LinkChecker.classify(link.url) {
                case .ignored: continue
                case .external: external[link.url, default: []].insert(file)
                case .internal:
                    let problem = LinkChecker.problem(with: link.url, in: file, files: files) { target in
                        if let known = ids[target] { return known }
                        let scanned = lookup[target].flatMap { $0 < 0 ? nil : Self.read(root.appending(path: html[Int($0)])) { LinkScanner.scanHTML(Array($0)).ids } }
                        ids[target] = scanned
                        return scanned
                    }
                    if let (target, reason, hint) = problem {
                        broken.append(LinkChecker.BrokenLink(file: file, line: link.line, url: link.url, text: link.text,
                                                             target: target, reason: reason, hint: hint))
                    }
                }
            }
        }
        return (broken, external.keys.sorted().map { LinkChecker.ExternalLink(url: $0, pages: external[$0]!.sorted()) })
    }

    /// The first pass over every page: the scans taken while writing, the other pages read in parallel chunks.
    private func scanPages(_ html: [String], lookup: [String: Int32]) -> [PageLinkSummary] {
        let base = folder.standardizedFileURL.path + "/"
        let (scanned, table) = (self.scanned.pages, self.scanned.paths)
        let unread = html.indices.filter { scanned[html[$0]] == nil }
        FolderWalk.prefetch(unread.map { base + html[$0] })
        let chunk = 64
        let starts = Array(stride(from: 0, to: unread.count, by: chunk))
        let read = starts.parallelMap { start in
            var reader = FileReader()
            return unread[start..<min(start + chunk, unread.count)].map { index in
                reader.read(base + html[index]) { PageLinks.scan($0, file: html[index], paths: table) }
            }
        }.flatMap { $0 }
        var pages = html.map { scanned[$0] }
        for (index, links) in zip(unread, read) { pages[index] = links }
        let targets = table.paths.map { lookup[$0] }
        return pages.map { PageLinkSummary($0!, lookup: targets) }
    }

    /// Reads a file (empty when it cannot be read) and hands its bytes to `body`, without copying them.
    private static func read<T>(_ url: URL, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let data = (try? Data(contentsOf: url)) ?? Data()
        return data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }

    /// Groups broken links by where they were written (or, when that is unknown, by URL and target): one error
    /// each, however many pages repeat a link that a template writes.
    package static func diagnostics(_ broken: [LinkChecker.BrokenLink], locator: LinkLocator) -> [Diagnostic] {
        struct Key: Hashable { var location: SourceLocation?; var target: String; var reason: String }
        var groups: [Key: [LinkChecker.BrokenLink]] = [:]
        var order: [Key] = []
        for link in broken {
            let location = locator.locate(link)
            let key = location?.line != nil ? Key(location: location, target: "", reason: "")
                : Key(location: nil, target: link.target, reason: link.reason)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(link)
        }
        return order.map { key in
            let links = groups[key]!
            let first = links[0]
            let pages = Array(Set(links.map(\.file))).sorted()
            if let location = key.location {
                var message = first.problem + " (line \(first.line) of the generated page)"
                if pages.count > 1 { message += "; also on \(pages.count - 1) other page\(pages.count == 2 ? "" : "s")" }
                return .error(message, at: location, hint: first.hint)
            }
            // Not found in any source: generated by Ripple or by a template from a value (`href="{{url}}"`).
            if pages.count == 1 {
                return .error(first.problem + " (line \(first.line) of the generated page)",
                              at: locator.origin(of: first.file).map { SourceLocation(file: $0) }, hint: first.hint)
            }
            let shown = pages.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (pages.count > 3 ? ", …" : "")
            let example = links.first { $0.file == pages[0] } ?? first
            return .error("link to '\(example.url)' on \(pages.count) pages (\(shown))\(first.reason)",
                          hint: first.hint + "; the link is not written in any page or template as such, so it comes from a template value (like {{url}}) or from Ripple itself")
        }.sortedByLocation
    }

    /// Every file under `folder`, as sorted `/`-separated relative paths (hidden files left out). Symbolic links are
    /// not files of the site: Ripple never writes one (see `SourceLink`), and a link there would not be served.
    package static func files(in folder: URL) -> [String] {
        FolderWalk.files(in: folder.standardizedFileURL.path).filter { !$0.isLink }.map(\.relative).sorted()
    }
}
