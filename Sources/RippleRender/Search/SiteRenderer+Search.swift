import RippleCore

extension SiteRenderer {
    /// Writes `search-index.js` over the analysed documents, in the order given.
    package func writeSearchIndex(_ documents: [AnalysedDocument], to sink: OutputSink) -> [Diagnostic] {
        do throws(DiagnosticError) {
            try sink.write(SearchIndex.fileName, SearchIndex(analysed: documents).javaScriptBytes)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
