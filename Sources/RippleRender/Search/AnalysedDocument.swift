/// One page as the search index needs it, tokenised: what `SearchIndex(analysed:)` merges. Made by
/// `SearchIndex.analyse` from the model (Markdown pages in the Markdown stage, on all cores; dashboards and
/// reports as they are written); Codable so incremental builds can keep it between runs.
///
/// Terms are numbered per document: `terms` lists the document's distinct terms once, and the title and each
/// section refer to them by distinct numbers (in the order the terms first occur there; the order does not
/// reach the index).
package struct AnalysedDocument: Sendable, Hashable, Codable {
    /// The page title.
    package var title: String
    /// Output path relative to the site root.
    package var url: String
    /// Sections in page order; the first has an empty `id`.
    package var sections: [Section]
    /// The document's distinct terms (see `SearchText`), in the order they were first met.
    package var terms: [String]
    /// The terms of the title: distinct indices into `terms`.
    package var titleTerms: [Int32]

    /// One section of the page, with its terms.
    package struct Section: Sendable, Hashable, Codable {
        /// The heading's `id`; empty for the text before the first heading.
        package var id: String
        /// The heading's text.
        package var heading: String
        /// The first words of the text (see `SearchIndex.snippet`).
        package var snippet: String
        /// Terms of the heading and the text: distinct indices into the document's `terms`.
        package var body: [Int32]
        /// Terms of the heading: distinct indices into the document's `terms`.
        package var head: [Int32]

        /// Creates a section.
        package init(id: String, heading: String, snippet: String, body: [Int32], head: [Int32]) {
            self.id = id; self.heading = heading; self.snippet = snippet; self.body = body; self.head = head
        }
    }

    /// Creates a document.
    package init(title: String, url: String, sections: [Section], terms: [String], titleTerms: [Int32]) {
        self.title = title; self.url = url; self.sections = sections; self.terms = terms; self.titleTerms = titleTerms
    }
}
