import Foundation
import RippleCore

/// The link check of a build's output, with an optional memo. Without one it checks the whole site
/// (`SiteLinkCheck`, fed the first-pass scans taken while the pages were written). With one, pages are scanned
/// only when their bytes changed, and a page's links are checked again only when the page, the set of files of
/// the site or the ids of the site's pages changed; the result is the one `SiteLinkCheck` gives for the same folder.
///
/// After a one-page edit of a large site this touches each file once, with no sorting or copying of the
/// whole site: the remembered scans and verdicts are updated in place.
struct OutputLinkCheck {
    /// What earlier checks left; nil: check everything, remember nothing.
    var memo: IncrementalState?
    /// Every file of the site (no hidden ones) with its hash; asked for only when `changed` is not enough.
    var allFiles: @Sendable () -> [String: UInt64]
    /// When the site has the same files as at the last check: the ones whose bytes changed since (no hidden
    /// ones), with their hash. Only those are scanned and checked again, as long as no page's ids changed.
    var changed: [String: UInt64]?
    /// Exact scans of the files written by this build whose bytes changed (builds with a memo).
    var fresh: [String: LinkScanner.Page]
    /// The first pass of the pages this build wrote (see `LinkScanningSink`), for the whole-site check of a build
    /// without a memo (builds with one take none: their changed files are in `fresh`).
    var firstPass: SiteLinkCheck.Scanned
    /// The folder the output is read back from, for files whose scan is not at hand.
    var folder: URL
    /// Files kept though out of date, whose broken links are not reported (they are checked when made again).
    var stale: Set<String> = []
    /// Whether to list the external links (`ripple check` prints them; a preview has no use for a list
    /// that names most pages of a large guide).
    var listsExternal = true

    func run(locator: @escaping @Sendable () -> LinkLocator) -> SiteLinkCheck.Result {
        guard let state = memo else { return wholeSite(locator: locator) }
        var (scans, verdicts, checkedSite, checkedFiles, reported, committed) = state.storage.withLock { storage in
            // Taken out, so they are changed in place.
            defer { storage.scans = [:]; storage.links = [:]; storage.checkedFiles = []; storage.reported = [] }
            return (storage.scans, storage.links, storage.checkedSite, storage.checkedFiles, storage.reported,
                    storage.linksCommitted)
        }
        // The files of the last check are those of the last build's output only when that build succeeded.
        if let changed, let site = checkedSite, committed {
            var site = site
            let touched = changed.keys.filter(Self.isScanned)
            let read = touched.parallelMap { path in fresh[path] ?? Self.scan(folder.appending(path: path).path) }
            for (path, page) in zip(touched, read) {
                let entry = Self.entry(page, hash: changed[path]!)
                site = site &- Self.siteShare(path, ids: scans[path]?.ids ?? 0) &+ Self.siteShare(path, ids: entry.ids)
                scans[path] = entry
            }
            // Ids are unchanged everywhere: only the changed pages' own links need checking again.
            if site == checkedSite {
                var pages: [String: LinkScanner.Page] = [:]
                var sheets: [String: [LinkScanner.Link]] = [:]
                for path in touched {
                    let entry = scans[path]!
                    verdicts[path] = IncrementalState.LinkEntry(hash: entry.hash, broken: [], external: [])
                    if path.hasSuffix(".css") { sheets[path] = entry.page.links } else { pages[path] = entry.page }
                }
                return finish(scans: scans, verdicts: verdicts, site: site, files: checkedFiles, reported: reported,
                              checking: pages, sheets: sheets, locator: locator)
            }
            // Some page's ids changed: every verdict is made again against the same files.
            return check(scans: scans, files: checkedFiles, locator: locator)
        }

        let files = allFiles()
        let scanned = files.keys.filter(Self.isScanned)
        // Pages this build wrote have an exact scan in `fresh`; the others are unchanged on disk (or known).
        var unread: [String] = []
        for path in scanned {
            let hash = files[path]!
            if let page = fresh[path] {
                scans[path] = Self.entry(page, hash: hash)
            } else if scans[path]?.hash != hash {
                unread.append(path)
            }
        }
        let read = unread.parallelMap { Self.scan(folder.appending(path: $0).path) }
        for (path, page) in zip(unread, read) { scans[path] = Self.entry(page, hash: files[path]!) }
        if scans.count != scanned.count { scans = scans.filter { files[$0.key] != nil } }
        if checkedSite != nil, checkedFiles.count == files.count, files.keys.allSatisfy(checkedFiles.contains) {
            // Same files: verdicts stand while the ids do; `check` drops them otherwise.
            return check(scans: scans, verdicts: verdicts, checkedSite: checkedSite, reported: reported,
                         files: checkedFiles, locator: locator)
        }
        return check(scans: scans, files: Set(files.keys), locator: locator)
    }

    /// Checks the pages whose verdict is missing or stale (all of them when the site's ids changed since
    /// `checkedSite`), against `files`.
    private func check(scans: [String: IncrementalState.ScanEntry], verdicts: [String: IncrementalState.LinkEntry] = [:],
                       checkedSite: UInt64? = nil, reported: Set<String> = [], files: Set<String>,
                       locator: @escaping @Sendable () -> LinkLocator) -> SiteLinkCheck.Result {
        // Every verdict depends on the site's files and the ids of its pages: hashed without sorting, as a sum.
        var site: UInt64 = 0
        for path in files { site &+= Self.siteShare(path, ids: scans[path]?.ids ?? 0) }
        var verdicts = verdicts
        var reported = reported
        if checkedSite != site { verdicts = [:]; reported = [] }
        if verdicts.count != scans.count { verdicts = verdicts.filter { scans[$0.key] != nil } }
        var pages: [String: LinkScanner.Page] = [:]
        var sheets: [String: [LinkScanner.Link]] = [:]
        var scans = scans
        // Scans from the cache keep ids only: the links of those to check again are read from the output.
        let unread = scans.compactMap { path, entry in !entry.hasLinks && verdicts[path]?.hash != entry.hash ? path : nil }
        let read = unread.parallelMap { Self.scan(folder.appending(path: $0).path) }
        for (path, page) in zip(unread, read) { scans[path]?.page = page; scans[path]?.hasLinks = true }
        for (path, entry) in scans where verdicts[path]?.hash != entry.hash {
            verdicts[path] = IncrementalState.LinkEntry(hash: entry.hash, broken: [], external: [])
            if path.hasSuffix(".css") { sheets[path] = entry.page.links } else { pages[path] = entry.page }
        }
        reported = reported.filter { verdicts[$0] != nil }
        return finish(scans: scans, verdicts: verdicts, site: site, files: files, reported: reported,
                      checking: pages, sheets: sheets, locator: locator)
    }

    /// Checks the links of `checking` and `sheets` (whose verdicts are empty), stores what the next build reuses,
    /// and reports every page's broken links.
    private func finish(scans: [String: IncrementalState.ScanEntry], verdicts: [String: IncrementalState.LinkEntry],
                        site: UInt64, files: Set<String>, reported: Set<String>, checking pages: [String: LinkScanner.Page],
                        sheets: [String: [LinkScanner.Link]], locator: @escaping @Sendable () -> LinkLocator) -> SiteLinkCheck.Result {
        var verdicts = verdicts
        var reported = reported
        let known = scans
        let (broken, external) = LinkChecker(files: files, pages: pages, stylesheets: sheets)
            .check(ids: { $0.hasSuffix(".html") ? known[$0]?.page.ids : nil })  // fragments of other files are not checked
        for link in broken { verdicts[link.file]?.broken.append(link) }
        for link in external { for page in link.pages { verdicts[page]?.external.append(link.url) } }
        for path in Array(pages.keys) + Array(sheets.keys) {
            guard let verdict = verdicts[path] else { continue }
            if verdict.broken.isEmpty, verdict.external.isEmpty { reported.remove(path) } else { reported.insert(path) }
        }

        var allBroken: [LinkChecker.BrokenLink] = []
        var allExternal: [String: Set<String>] = [:]
        for path in reported.sorted() {
            if !stale.contains(path) { allBroken += verdicts[path]!.broken }
            if listsExternal { for url in verdicts[path]!.external { allExternal[url, default: []].insert(path) } }
        }
        memo?.storage.withLock { storage in
            storage.scans = scans
            storage.links = verdicts
            storage.checkedSite = site
            storage.checkedFiles = files
            storage.reported = reported
            storage.linksCommitted = false
        }
        let externalLinks = allExternal.keys.sorted().map { LinkChecker.ExternalLink(url: $0, pages: allExternal[$0]!.sorted()) }
        guard !allBroken.isEmpty else { return SiteLinkCheck.Result(diagnostics: [], external: externalLinks) }
        return SiteLinkCheck.Result(diagnostics: SiteLinkCheck.diagnostics(allBroken, locator: locator()), external: externalLinks)
    }

    /// Checks every file of the site, from the first-pass scans and the folder.
    private func wholeSite(locator: @escaping @Sendable () -> LinkLocator) -> SiteLinkCheck.Result {
        var check = SiteLinkCheck(folder: folder, paths: allFiles().keys.sorted(), locator: locator)
        check.scanned = firstPass
        var result = check.run()
        if !listsExternal { result.external = [] }
        return result
    }

    private static func isScanned(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".css") }

    /// The links and ids of the output file at `path` (absolute).
    private static func scan(_ path: String) -> LinkScanner.Page {
        let bytes = FolderWalk.read(path) ?? []
        return path.hasSuffix(".css") ? LinkScanner.Page(ids: [], links: LinkScanner.cssURLs(bytes)) : LinkScanner.scanHTML(bytes)
    }

    /// A file's share of the site hash: its path and its ids.
    private static func siteShare(_ path: String, ids: UInt64) -> UInt64 {
        var hash = ContentHash()
        hash.add(path)
        hash.add(ids)
        return hash.mixed
    }

    private static func entry(_ page: LinkScanner.Page, hash: UInt64) -> IncrementalState.ScanEntry {
        var ids = ContentHash()
        for id in page.ids.sorted() { ids.add(id) }
        return IncrementalState.ScanEntry(hash: hash, page: page, ids: ids.value)
    }
}
