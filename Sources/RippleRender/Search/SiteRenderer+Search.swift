import RippleCore

extension SiteRenderer {
    /// Writes `search-index.js` over `pages` and any `extra` documents (dashboards, reports).
    package func writeSearchIndex(_ pages: [RenderedPage], extra: [SearchDocument] = [], to sink: OutputSink) -> [Diagnostic] {
        let documents = pages.map(SearchDocument.init(page:)) + extra
        do throws(DiagnosticError) {
            try sink.write(SearchIndex.fileName, text: SearchIndex(documents: documents).javaScript)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
