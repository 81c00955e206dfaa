/// One entry of a page's table of contents.
package struct TOCEntry: Sendable, Hashable {
    /// Heading level: 2 for `##`, 3 for `###`.
    package var level: Int
    /// The heading's id, for `href="#id"`.
    package var id: String
    /// The heading's plain text.
    package var title: String
    /// Level-3 headings under a level-2 heading; always empty for level 3.
    package var children: [TOCEntry]

    /// Creates an entry.
    package init(level: Int, id: String, title: String, children: [TOCEntry] = []) {
        self.level = level
        self.id = id
        self.title = title
        self.children = children
    }
}
