import Foundation
import RippleCore

/// The link check of an incremental build: pages are scanned only when their bytes changed, and a page's links
/// are checked again only when the page, the set of files of the site or the ids of the site's pages changed.
/// The result is the one `SiteLinkCheck` gives for the same folder.
struct IncrementalLinkCheck {
    var state: IncrementalState
    /// Every file of the site (no hidden ones), sorted, with its hash.
    var files: [String: UInt64]
    /// Scans of the files written by this build.
    var fresh: [String: LinkScanner.Page]
    /// The output folder, for files whose scan is not remembered.
    var output: URL

    func run(locator: @escaping @Sendable () -> LinkLocator) -> SiteLinkCheck.Result {
        let paths = files.keys.sorted()
        let scanned = paths.filter { $0.hasSuffix(".html") || $0.hasSuffix(".css") }
        let known = state.storage.withLock { $0.scans }
        // A cold state (`ripple build --incremental` in a new process) would scan most pages one by one with the
        // exact scanner: the whole-site check does the same faster. Nothing is remembered for next time then.
        let unknown = scanned.count { path in fresh[path] == nil && known[path]?.hash != files[path] }
        if unknown > 1000, unknown * 2 > scanned.count {
            state.storage.withLock { $0.scans = [:]; $0.links = [:] }
            return SiteLinkCheck(folder: output, paths: paths, locator: locator).run()
        }
        let scans: [(String, IncrementalState.ScanEntry)] = scanned.parallelMap { path in
            let hash = files[path]!
            if let page = fresh[path] { return (path, Self.entry(page, hash: hash)) }
            if let entry = known[path], entry.hash == hash { return (path, entry) }
            let bytes = (try? Array(Data(contentsOf: output.appending(path: path)))) ?? []
            let page = path.hasSuffix(".css") ? LinkScanner.Page(ids: [], links: LinkScanner.cssURLs(bytes)) : LinkScanner.scanHTML(bytes)
            return (path, Self.entry(page, hash: hash))
        }
        var site = ContentHash()
        for path in paths { site.add(path) }
        for (path, entry) in scans { site.add(path); site.add(entry.ids) }
        let verdicts = state.storage.withLock { $0.links }
        var entries: [String: IncrementalState.LinkEntry] = [:]
        var pages: [String: LinkScanner.Page] = [:]
        var sheets: [String: [LinkScanner.Link]] = [:]
        var keys: [String: UInt64] = [:]
        for (path, entry) in scans {
            var key = ContentHash()
            key.add(site.value); key.add(entry.hash)
            keys[path] = key.value
            let recheck = verdicts[path]?.key != key.value
            if recheck { entries[path] = IncrementalState.LinkEntry(key: key.value, broken: [], external: []) } else { entries[path] = verdicts[path] }
            if path.hasSuffix(".css") {
                if recheck { sheets[path] = entry.page.links }
            } else {
                pages[path] = recheck ? entry.page : LinkScanner.Page(ids: entry.page.ids, links: [])
            }
        }
        let (broken, external) = LinkChecker(files: Set(paths), pages: pages, stylesheets: sheets).check()
        for link in broken { entries[link.file]?.broken.append(link) }
        for link in external { for page in link.pages { entries[page]?.external.append(link.url) } }
        state.storage.withLock { storage in
            storage.scans = Dictionary(uniqueKeysWithValues: scans)
            storage.links = entries
        }
        var allBroken: [LinkChecker.BrokenLink] = []
        var allExternal: [String: Set<String>] = [:]
        for path in entries.keys.sorted() {
            allBroken += entries[path]!.broken
            for url in entries[path]!.external { allExternal[url, default: []].insert(path) }
        }
        let externalLinks = allExternal.keys.sorted().map { LinkChecker.ExternalLink(url: $0, pages: allExternal[$0]!.sorted()) }
        guard !allBroken.isEmpty else { return SiteLinkCheck.Result(diagnostics: [], external: externalLinks) }
        return SiteLinkCheck.Result(diagnostics: SiteLinkCheck.diagnostics(allBroken, locator: locator()), external: externalLinks)
    }

    private static func entry(_ page: LinkScanner.Page, hash: UInt64) -> IncrementalState.ScanEntry {
        var ids = ContentHash()
        for id in page.ids.sorted() { ids.add(id) }
        return IncrementalState.ScanEntry(hash: hash, page: page, ids: ids.value)
    }
}
