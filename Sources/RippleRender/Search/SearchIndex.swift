import RippleCore

/// The site's search index: a compact inverted index written as a JavaScript file that assigns a global,
/// so search works from a web server and from pages opened straight from disk (`file://` blocks `fetch`).
///
/// Layout of the `RippleSearchIndex` object (read by `templates/assets/js/search.js`):
/// - `pages`: `[[title, url], …]` (url relative to the site root);
/// - `sections`: `[[page, id, heading, snippet], …]` in page order, each page's first section has id `""`;
/// - `terms`: every term, sorted, separated by spaces;
/// - `body`, `head`, `title`: one posting list per term (same order, separated by spaces, see `PostingCode`):
///   sections whose heading or text hold the term; sections whose heading holds it; pages whose title holds it;
/// - `stop`: the stop words, so the browser drops the same words from queries.
package struct SearchIndex: Sendable {
    /// The file the index is written to, relative to the site root.
    package static let fileName = "search-index.js"
    /// Snippets are cut at a word before this many characters.
    package static let snippetLength = 120

    /// The pages indexed, in order.
    package private(set) var pages: [(title: String, url: String)] = []
    /// Sections: page number, heading id, heading, snippet.
    package private(set) var sections: [(page: Int, id: String, heading: String, snippet: String)] = []
    /// Sorted terms with their posting lists (section numbers; heading section numbers; page numbers).
    package private(set) var terms: [Term] = []

    /// One term and where it occurs.
    package struct Term: Sendable, Hashable {
        /// The term (see `SearchText`).
        package var term: String
        /// Sections whose heading or text hold it.
        package var body: [Int]
        /// Sections whose heading holds it.
        package var head: [Int]
        /// Pages whose title holds it.
        package var title: [Int]
    }

    /// Builds the index of `documents` (tokenised on all cores).
    package init(documents: [SearchDocument]) {
        struct Analysed: Sendable {
            var title: Set<String>
            var sections: [(body: Set<String>, head: Set<String>, snippet: String)]
        }
        let analysed: [Analysed] = documents.parallelMap { document in
            var cache: [String: String?] = [:]
            let title = SearchText.termSet(document.title, cache: &cache)
            return Analysed(title: title, sections: document.sections.map { section in
                let head = SearchText.termSet(section.heading, cache: &cache)
                return (head.union(SearchText.termSet(section.text, cache: &cache)), head, Self.snippet(section.text))
            })
        }
        var body: [String: [Int]] = [:], head: [String: [Int]] = [:], title: [String: [Int]] = [:]
        for (pageNumber, (document, facts)) in zip(documents, analysed).enumerated() {
            pages.append((document.title, document.url))
            for term in facts.title { title[term, default: []].append(pageNumber) }
            for (section, sectionFacts) in zip(document.sections, facts.sections) {
                let number = sections.count
                sections.append((pageNumber, section.id, section.heading, sectionFacts.snippet))
                for term in sectionFacts.body { body[term, default: []].append(number) }
                for term in sectionFacts.head { head[term, default: []].append(number) }
            }
        }
        let all = Set(body.keys).union(title.keys).sorted()
        terms = all.map { Term(term: $0, body: body[$0] ?? [], head: head[$0] ?? [], title: title[$0] ?? []) }
    }

    /// The first words of a section's text, cut at a word with "…".
    package static func snippet(_ text: String) -> String {
        guard text.count > snippetLength else { return text }
        var cut = text.prefix(snippetLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// The index as JavaScript: `window.RippleSearchIndex={…};`.
    package var javaScript: String {
        var out: [UInt8] = []
        out.reserveCapacity(sections.count * 160 + terms.count * 16)
        out += Array("window.RippleSearchIndex={\"v\":1,\"stop\":".utf8)
        JSONText.string(SearchText.stopWords.joined(separator: " "), into: &out)
        out += Array(",\"pages\":[".utf8)
        for (i, page) in pages.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            JSONText.string(page.title, into: &out)
            out.append(UInt8(ascii: ","))
            JSONText.string(page.url, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("],\n\"sections\":[".utf8)
        for (i, section) in sections.enumerated() {
            if i > 0 { out += Array(",\n".utf8) }
            out += Array("[\(section.page),".utf8)
            JSONText.string(section.id, into: &out)
            out.append(UInt8(ascii: ","))
            JSONText.string(section.heading, into: &out)
            out.append(UInt8(ascii: ","))
            JSONText.string(section.snippet, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("],\n\"terms\":\"".utf8)
        for (i, entry) in terms.enumerated() {
            if i > 0 { out.append(32) }
            JSONText.raw(entry.term, into: &out)
        }
        let lists: [(String, @Sendable (Term) -> [Int])] = [("body", { $0.body }), ("head", { $0.head }), ("title", { $0.title })]
        for (key, list) in lists {
            out += Array("\",\n\"\(key)\":\"".utf8)
            for (i, entry) in terms.enumerated() {
                if i > 0 { out.append(32) }
                PostingCode.encode(list(entry), into: &out)
            }
        }
        out += Array("\"};\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
