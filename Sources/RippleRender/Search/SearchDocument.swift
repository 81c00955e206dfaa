import RippleMarkdown

/// One page as the search index sees it: a title, where it is, and its text cut into sections by heading.
///
/// Made from the model, never from written HTML: Markdown pages from the text sections of their walk
/// (`RenderedMarkdown.sections`), dashboards and reports from their view models.
package struct SearchDocument: Sendable, Hashable {
    /// The page title.
    package var title: String
    /// Output path relative to the site root (`guide/matching/index.html`).
    package var url: String
    /// Sections in page order; the first has an empty `id` and holds the text before the first heading.
    package var sections: [SearchSection]

    /// Creates a document; a leading section with an empty id is added when `sections` does not start with one,
    /// so a title match always has somewhere to link to.
    package init(title: String, url: String, sections: [SearchSection]) {
        self.title = title
        self.url = url
        self.sections = sections.first?.id == "" ? sections : [SearchSection(id: "", heading: "", text: "")] + sections
    }
}

/// The text under one heading: the Markdown walk's section, which dashboards and reports make too.
package typealias SearchSection = TextSection

extension SearchSection {
    /// A section whose text is a view model's pieces (see `text(_:)`).
    init(id: String, heading: String, parts: [String]) {
        self.init(id: id, heading: heading, text: Self.text(parts))
    }

    /// The pieces of a view model's text that are not empty, one space between them.
    static func text(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: " ") }
}
