import Foundation
import RippleCore

/// The link check of an incremental build: pages are scanned only when their bytes changed, and a page's links
/// are checked again only when the page, the set of files of the site or the ids of the site's pages changed.
/// The result is the one `SiteLinkCheck` gives for the same folder.
///
/// After a one-page edit of a large site this touches each file once, with no sorting or copying of the
/// whole site: the remembered scans and verdicts are updated in place.
struct IncrementalLinkCheck {
    var state: IncrementalState
    /// Every file of the site (no hidden ones) with its hash.
    var files: [String: UInt64]
    /// Scans of the files written by this build.
    var fresh: [String: LinkScanner.Page]
    /// The output folder, for files whose scan is not remembered.
    var output: URL
    /// Whether to list the external links (`ripple check` prints them; a preview has no use for a list
    /// that names most pages of a large guide).
    var listsExternal = true

    func run(locator: @escaping @Sendable () -> LinkLocator) -> SiteLinkCheck.Result {
        var (scans, verdicts, checkedSite) = state.storage.withLock { storage in
            defer { storage.scans = [:]; storage.links = [:] }  // taken out, so they are changed in place
            return (storage.scans, storage.links, storage.checkedSite)
        }
        let scanned = files.keys.filter(Self.isScanned)
        // A cold state (`ripple build --incremental` in a new process) would scan most pages one by one with the
        // exact scanner: the whole-site check does the same faster. Nothing is remembered for next time then.
        let unknown = scanned.count { path in fresh[path] == nil && scans[path]?.hash != files[path] }
        if unknown > 1000, unknown * 2 > scanned.count {
            state.storage.withLock { $0.checkedSite = nil }
            return SiteLinkCheck(folder: output, paths: files.keys.sorted(), locator: locator).run()
        }

        var unread: [String] = []
        for path in scanned {
            let hash = files[path]!
            if let page = fresh[path] {
                scans[path] = Self.entry(page, hash: hash)
            } else if scans[path]?.hash != hash {
                unread.append(path)
            }
        }
        let read = unread.parallelMap { path in
            let bytes = FolderWalk.read(output.appending(path: path).path) ?? []
            return path.hasSuffix(".css") ? LinkScanner.Page(ids: [], links: LinkScanner.cssURLs(bytes)) : LinkScanner.scanHTML(bytes)
        }
        for (path, page) in zip(unread, read) { scans[path] = Self.entry(page, hash: files[path]!) }
        if scans.count != scanned.count { scans = scans.filter { files[$0.key] != nil } }

        // Every verdict depends on the site's files and the ids of its pages: hashed without sorting, as a sum.
        var site: UInt64 = 0
        for path in files.keys {
            var hash = ContentHash()
            hash.add(path)
            hash.add(scans[path]?.ids ?? 0)
            site &+= hash.mixed
        }
        if checkedSite != site { verdicts = [:] }
        if verdicts.count != scans.count { verdicts = verdicts.filter { scans[$0.key] != nil } }
        var pages: [String: LinkScanner.Page] = [:]
        var sheets: [String: [LinkScanner.Link]] = [:]
        for (path, entry) in scans where verdicts[path]?.hash != entry.hash {
            verdicts[path] = IncrementalState.LinkEntry(hash: entry.hash, broken: [], external: [])
            if path.hasSuffix(".css") { sheets[path] = entry.page.links } else { pages[path] = entry.page }
        }
        let known = scans
        let (broken, external) = LinkChecker(files: Set(files.keys), pages: pages, stylesheets: sheets)
            .check(ids: { $0.hasSuffix(".html") ? known[$0]?.page.ids : nil })  // fragments of other files are not checked
        for link in broken { verdicts[link.file]?.broken.append(link) }
        for link in external { for page in link.pages { verdicts[page]?.external.append(link.url) } }

        var allBroken: [LinkChecker.BrokenLink] = []
        var allExternal: [String: Set<String>] = [:]
        let reported = verdicts.compactMap { !$0.value.broken.isEmpty || (listsExternal && !$0.value.external.isEmpty) ? $0.key : nil }
        for path in reported.sorted() {
            allBroken += verdicts[path]!.broken
            if listsExternal { for url in verdicts[path]!.external { allExternal[url, default: []].insert(path) } }
        }
        state.storage.withLock { storage in
            storage.scans = scans
            storage.links = verdicts
            storage.checkedSite = site
        }
        let externalLinks = allExternal.keys.sorted().map { LinkChecker.ExternalLink(url: $0, pages: allExternal[$0]!.sorted()) }
        guard !allBroken.isEmpty else { return SiteLinkCheck.Result(diagnostics: [], external: externalLinks) }
        return SiteLinkCheck.Result(diagnostics: SiteLinkCheck.diagnostics(allBroken, locator: locator()), external: externalLinks)
    }

    private static func isScanned(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".css") }

    private static func entry(_ page: LinkScanner.Page, hash: UInt64) -> IncrementalState.ScanEntry {
        var ids = ContentHash()
        for id in page.ids.sorted() { ids.add(id) }
        return IncrementalState.ScanEntry(hash: hash, page: page, ids: ids.value)
    }
}
