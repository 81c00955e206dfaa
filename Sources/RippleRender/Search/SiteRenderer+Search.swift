import RippleCore

extension SiteRenderer {
    /// Writes the search index's files (`SearchIndexFiles`) over the analysed documents, in the order given;
    /// `incremental` merges again only the chunks whose documents changed since it was last used.
    package func writeSearchIndex(_ documents: [PackedDocument], to sink: OutputSink,
                                  incremental: IncrementalSearchIndex? = nil) -> [Diagnostic] {
        do throws(DiagnosticError) {
            // An unchanged chunk is handed over again with the same bytes: the sink does not rewrite it.
            for file in incremental?.files(documents) ?? SearchIndexFiles.files(documents) {
                try sink.write(file.path, file.bytes)
            }
            return []
        } catch {
            return error.diagnostics
        }
    }
}
