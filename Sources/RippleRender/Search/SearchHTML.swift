/// Turns rendered HTML into plain-text sections for the search index. It reads only HTML Ripple itself
/// produced (well-formed, quoted attributes), so a small byte scanner (`SearchHTMLScanner`) is enough.
enum SearchHTML {
    /// Sections of `html`: text before the first heading with an id, then one per such heading.
    static func sections(of html: String) -> [SearchSection] {
        var builder = Builder()
        var html = html
        html.withUTF8 { SearchHTMLScanner.scan($0, into: &builder) }
        return builder.sections
    }

    private struct Builder: SearchSectionSink {
        var sections = [SearchSection(id: "", heading: "", text: "")]

        mutating func startSection(id: String) {
            sections.append(SearchSection(id: id, heading: "", text: ""))
        }

        mutating func finishHeading(_ heading: UnsafeBufferPointer<UInt8>) {
            sections[sections.count - 1].heading = String(decoding: heading, as: UTF8.self)
        }

        mutating func finishText(_ text: UnsafeBufferPointer<UInt8>) {
            sections[sections.count - 1].text = String(decoding: text, as: UTF8.self)
        }
    }
}
