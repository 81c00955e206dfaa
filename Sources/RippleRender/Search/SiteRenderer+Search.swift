import RippleCore

extension SiteRenderer {
    /// Writes `search-index.js` over the analysed documents, in the order given; `incremental` patches the
    /// index it made last time instead of merging every document again.
    package func writeSearchIndex(_ documents: [AnalysedDocument], to sink: OutputSink,
                                  incremental: IncrementalSearchIndex? = nil) -> [Diagnostic] {
        do throws(DiagnosticError) {
            try sink.write(SearchIndex.fileName, incremental?.javaScriptBytes(documents) ?? SearchIndex(analysed: documents).javaScriptBytes)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
