import RippleCore
import RippleRender

extension IncrementalBuilder {
    /// What the last stage of an incremental build found and decided.
    struct Finish {
        var diagnostics: [Diagnostic] = []
        var external: [LinkChecker.ExternalLink] = []
        /// The paths of the last build kept as they are, with the sitemap's when it is kept.
        var kept: [String]
        /// Hash of the options the sitemap was made with.
        var sitemapKey: UInt64
    }

    /// Robots, sitemap and link check, as in a full build (`SiteFinish`), redoing only what the changes need:
    /// when the output has the same files as after the last build, the sitemap is kept and only the changed
    /// pages are scanned and checked (all of them when some page's ids changed). The broken links of `stale`
    /// files (kept though out of date) are not reported: the build that makes them again checks them.
    func finish(_ model: SiteModel, _ files: SiteSource, rendered: SiteRenderer.Output, sink: IncrementalOutput,
                previous: [String: UInt64], kept: [String], searchStarted: Bool, stale: Set<String> = []) -> Finish {
        let sitemapKey = Sitemap.optionsKey(model.config)
        var result = Finish(kept: kept, sitemapKey: sitemapKey)
        let sitemapPaths = ["sitemap.xml", "robots.txt"].filter { previous[$0] != nil }
        // The search index is being written beside this stage: it counts as written.
        var written = sink.produced
        if searchStarted, written[SearchIndex.fileName] == nil { written[SearchIndex.fileName] = previous[SearchIndex.fileName] ?? 0 }
        let keepingSitemap = ManifestUpdate(previous: previous, written: written, kept: kept + sitemapPaths)
        if keepingSitemap.sameFiles, state.storage.withLock({ $0.sitemapKey }) == sitemapKey {
            result.kept += sitemapPaths
        } else {
            let pages = keepingSitemap.manifest.keys.filter { !Self.isHidden($0) && $0.hasSuffix(".html") }
            let (extra, notes) = Sitemap.files(config: model.config, pages: pages)
            result.diagnostics += notes
            for file in extra {
                do throws(DiagnosticError) { try sink.write(file.path, text: file.text) } catch { result.diagnostics += error.diagnostics }
            }
            for file in extra { if let hash = sink.produced[file.path] { written[file.path] = hash } }
        }
        guard checkLinks else {
            state.storage.withLock { $0.checkedSite = nil }  // the remembered check no longer matches the output
            return result
        }
        let outcome = ManifestUpdate(previous: previous, written: written, kept: result.kept)
        let manifest = outcome.manifest
        var check = IncrementalLinkCheck(state: state, allFiles: { manifest.filter { !Self.isHidden($0.key) } },
                                         fresh: sink.scans, output: sink.output, listsExternal: listsExternalLinks)
        check.stale = stale
        if outcome.sameFiles {
            check.changed = written.filter { previous[$0.key] != $0.value && !Self.isHidden($0.key) }
        }
        let checked = check.run {
            SiteFinish(files: files, pages: rendered.pages, config: model.config, checkLinks: true).locator()
        }
        result.diagnostics += checked.diagnostics
        result.external = checked.external
        return result
    }
}
