import Foundation
import RippleCore
import RippleRender

/// The last steps of a build, before it is committed: `robots.txt` and `sitemap.xml`, then the link check.
/// A build with a state redoes only what the changes need: when the output has the same files as after the
/// last build, the sitemap is kept and only the changed pages are scanned and checked (see `OutputLinkCheck`).
struct SiteFinish {
    /// The site.
    let model: SiteModel
    /// The site's files as read (templates are searched for broken links).
    let files: SiteSource
    /// The rendered Markdown pages (their output paths map back to sources).
    let pages: [RenderedPage]
    /// What the build is asked to do.
    let options: BuildOptions
    /// What earlier builds left, for a build that remembers; nil: check everything and remember nothing.
    let state: IncrementalState?

    /// What finishing found and decided.
    struct Result {
        /// Notes (no sitemap) and link errors.
        var diagnostics: [Diagnostic] = []
        /// Links to other sites (never fetched).
        var external: [LinkChecker.ExternalLink] = []
        /// The paths of the last build kept as they are, with the sitemap's when it is kept.
        var kept: [String]
        /// Hash of the options the sitemap was made with.
        var sitemapKey: UInt64
    }

    /// Writes robots.txt and the sitemap through `sink` unless the last build's stand, then checks the links of
    /// the output: what `out` produced and the `kept` files of the `previous` build. The broken links of `stale`
    /// files (kept though out of date) are not reported: the build that makes them again checks them.
    func run(_ out: any SiteOutput, sink: LinkScanningSink, previous: [String: UInt64], kept: [String],
             searchStarted: Bool, stale: Set<String>) -> Result {
        let sitemapKey = Sitemap.optionsKey(model.config)
        var result = Result(kept: kept, sitemapKey: sitemapKey)
        let sitemapPaths = ["sitemap.xml", "robots.txt"].filter { previous[$0] != nil }
        // The search index is being written beside this stage: its files count as written (its chunks as the
        // last build had them: how many there are is known when it is done).
        var written = out.produced
        if searchStarted {
            if written[SearchIndex.fileName] == nil { written[SearchIndex.fileName] = previous[SearchIndex.fileName] ?? 0 }
            for (path, hash) in previous where written[path] == nil && SearchIndexFiles.contains(path) { written[path] = hash }
        }
        let keepingSitemap = ManifestUpdate(previous: previous, written: written, kept: kept + sitemapPaths)
        if keepingSitemap.sameFiles, state?.storage.withLock({ $0.sitemapKey }) == sitemapKey {
            result.kept += sitemapPaths
        } else {
            let pages = keepingSitemap.manifest.keys.filter { !Self.isHidden($0) && $0.hasSuffix(".html") }.sorted()
            let (extra, notes) = Sitemap.files(config: model.config, pages: pages)
            result.diagnostics += notes
            for file in extra {
                do throws(DiagnosticError) { try sink.write(file.path, text: file.text) } catch { result.diagnostics += error.diagnostics }
            }
            for file in extra { if let hash = out.produced[file.path] { written[file.path] = hash } }
        }
        guard options.checkLinks else {
            state?.storage.withLock { $0.checkedSite = nil }  // the remembered check no longer matches the output
            return result
        }
        let outcome = ManifestUpdate(previous: previous, written: written, kept: result.kept)
        let manifest = outcome.manifest
        var check = OutputLinkCheck(memo: state, allFiles: { manifest.filter { !Self.isHidden($0.key) } },
                                    fresh: out.scans, firstPass: sink.takeScanned(), folder: out.folder,
                                    listsExternal: options.listsExternalLinks)
        check.stale = stale
        if outcome.sameFiles {
            check.changed = written.filter { previous[$0.key] != $0.value && !Self.isHidden($0.key) }
        }
        let checked = check.run { [files, pages] in Self.locator(files: files, pages: pages) }
        result.diagnostics += checked.diagnostics
        result.external = checked.external
        return result
    }

    /// Whether a name in the path starts with a dot (the file stamps, the serve folder's own files).
    static func isHidden(_ path: String) -> Bool {
        var atNameStart = true
        for byte in path.utf8 {
            if atNameStart, byte == UInt8(ascii: ".") { return true }
            atNameStart = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// A locator over the Markdown sources of the rendered pages and every template.
    static func locator(files: SiteSource, pages: [RenderedPage]) -> LinkLocator {
        let origins = Dictionary(pages.map { ($0.page.outputPath, $0.page.source) }, uniquingKeysWith: { a, _ in a })
        let bySource = Dictionary(pages.map { ($0.page.source, $0.page) }, uniquingKeysWith: { a, _ in a })
        let templates = files.themeFiles.filter { $0.path.hasSuffix(".mustache") }.map {
            LinkLocator.Text(path: $0.displayPath, text: String(decoding: $0.bytes, as: UTF8.self))
        }
        // Each page's Markdown with its front matter as blank lines, so lines are the file's lines.
        return LinkLocator(origins: origins, templates: templates) { path in
            bySource[path].map { LinkLocator.Text(path: $0.source, text: String(repeating: "\n", count: $0.bodyLineOffset) + $0.body) }
        }
    }
}
