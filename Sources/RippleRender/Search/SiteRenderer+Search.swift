import RippleCore

extension SiteRenderer {
    /// Writes `search-index.js` over `pages` and any `extra` documents (dashboards, reports), analysing the
    /// documents on all cores.
    package func writeSearchIndex(_ pages: [RenderedPage], extra: [SearchDocument] = [], to sink: OutputSink) -> [Diagnostic] {
        let analysed = pages.parallelMap { page in
            SearchIndex.analyse(title: page.title, url: page.page.outputPath, html: page.markdown.html)
        } + extra.parallelMap { SearchIndex.analyse($0) }
        do throws(DiagnosticError) {
            try sink.write(SearchIndex.fileName, SearchIndex(analysed: analysed).javaScriptBytes)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
