/// Builds a table of contents from a document's headings.
enum TOCBuilder {
    /// Level-2 headings with the level-3 headings that follow them as children; level-3 headings
    /// before the first level-2 heading are top-level. Other levels are left out.
    static func entries(_ headings: [(level: Int, id: String, title: String)]) -> [TOCEntry] {
        var entries: [TOCEntry] = []
        for heading in headings {
            let entry = TOCEntry(level: heading.level, id: heading.id, title: heading.title)
            switch heading.level {
            case 2:
                entries.append(entry)
            case 3:
                if let last = entries.indices.last, entries[last].level == 2 {
                    entries[last].children.append(entry)
                } else {
                    entries.append(entry)
                }
            default:
                break
            }
        }
        return entries
    }
}
