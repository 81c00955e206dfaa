import RippleRender

/// (Reference) How the search index read pages before it was built from the model: rendered HTML turned into
/// plain-text sections, a section at every heading with an id. Kept for the tests that compare the model's
/// documents with the written pages (`SearchFromModelTests`).
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

extension SearchDocument {
    /// A document from rendered HTML, starting a section at every heading with an `id` (see `SearchHTML`).
    init(title: String, url: String, html: String) {
        self.init(title: title, url: url, sections: SearchHTML.sections(of: html))
    }
}
