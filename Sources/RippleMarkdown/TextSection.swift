/// The plain text of a document under one heading, as the Markdown walk read it: what the search index
/// indexes of a page, without reading the HTML back.
package struct TextSection: Sendable, Hashable {
    /// The heading's id (the link target `#id`); empty for the text before the first heading.
    package var id: String
    /// The heading's plain text; empty for the text before the first heading.
    package var heading: String
    /// The text up to the next heading, white space collapsed to single spaces, ends trimmed.
    package var text: String

    /// Creates a section.
    package init(id: String, heading: String, text: String) {
        self.id = id
        self.heading = heading
        self.text = text
    }
}
