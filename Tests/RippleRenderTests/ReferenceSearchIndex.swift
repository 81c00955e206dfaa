import RippleCore
import RippleRender

// The search index before the byte-level rewrite, kept verbatim as the oracle `SearchIndexDifferentialTests`
// compares the new implementation with: the tags of `HTMLTokenizer`, read into strings (`ReferenceTag`), same tokeniser, same merge.

/// A document as the reference builds it (sections through `ReferenceSearchHTML`).
struct ReferenceSearchDocument: Sendable {
    var title: String
    var url: String
    var sections: [SearchSection]

    init(title: String, url: String, sections: [SearchSection]) {
        self.title = title
        self.url = url
        self.sections = sections.first?.id == "" ? sections : [SearchSection(id: "", heading: "", text: "")] + sections
    }

    init(title: String, url: String, html: String) {
        self.init(title: title, url: url, sections: ReferenceSearchHTML.sections(of: html))
    }
}


/// The search index as it was before `AnalysedDocument` (the oracle of the differential tests).
///
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
struct ReferenceSearchIndex: Sendable {
    /// The file the index is written to, relative to the site root.
    static let fileName = "search-index.js"
    /// Snippets are cut at a word before this many characters.
    static let snippetLength = 120

    /// The pages indexed, in order.
    private(set) var pages: [(title: String, url: String)] = []
    /// Sections: page number, heading id, heading, snippet.
    private(set) var sections: [(page: Int, id: String, heading: String, snippet: String)] = []
    /// Sorted terms with their posting lists (section numbers; heading section numbers; page numbers).
    private(set) var terms: [Term] = []

    /// One term and where it occurs.
    struct Term: Sendable, Hashable {
        /// The term (see `SearchText`).
        var term: String
        /// Sections whose heading or text hold it.
        var body: [Int]
        /// Sections whose heading holds it.
        var head: [Int]
        /// Pages whose title holds it.
        var title: [Int]
    }

    /// Builds the index of `documents` (tokenised on all cores).
    init(documents: [ReferenceSearchDocument]) {
        struct Analysed: Sendable {
            var title: Set<String>
            var sections: [(body: Set<String>, head: Set<String>, snippet: String)]
        }
        let analysed: [Analysed] = documents.parallelMap { document in
            var cache: [String: String?] = [:]
            let title = ReferenceSearchText.termSet(document.title, cache: &cache)
            return Analysed(title: title, sections: document.sections.map { section in
                let head = ReferenceSearchText.termSet(section.heading, cache: &cache)
                return (head.union(ReferenceSearchText.termSet(section.text, cache: &cache)), head, Self.snippet(section.text))
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
    static func snippet(_ text: String) -> String {
        guard text.count > snippetLength else { return text }
        var cut = text.prefix(snippetLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// The index as the script of chunk 0: `(window.RippleSearchChunks=…)[0]={…};`.
    var javaScript: String {
        var out: [UInt8] = []
        out.reserveCapacity(sections.count * 160 + terms.count * 16)
        out += Array("(window.RippleSearchChunks=window.RippleSearchChunks||[])[0]={\"pages\":[".utf8)
        for (i, page) in pages.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            ReferenceJSONText.string(page.title, into: &out)
            out.append(UInt8(ascii: ","))
            ReferenceJSONText.string(page.url, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("],\n\"sections\":[".utf8)
        for (i, section) in sections.enumerated() {
            if i > 0 { out += Array(",\n".utf8) }
            out += Array("[\(section.page),".utf8)
            ReferenceJSONText.string(section.id, into: &out)
            out.append(UInt8(ascii: ","))
            ReferenceJSONText.string(section.heading, into: &out)
            out.append(UInt8(ascii: ","))
            ReferenceJSONText.string(section.snippet, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("],\n\"terms\":\"".utf8)
        for (i, entry) in terms.enumerated() {
            if i > 0 { out.append(32) }
            ReferenceJSONText.raw(entry.term, into: &out)
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

/// The search tokeniser as it was before `SearchAnalyser` (a `Set<String>` per section).
enum ReferenceSearchText {
    /// The distinct terms of `text`; `cache` remembers what each folded word became, so a document's repeated
    /// words are stemmed once (most of the index's build time on a 10,000-chapter guide).
    static func termSet(_ text: String, cache: inout [String: String?]) -> Set<String> {
        var result = Set<String>()
        forEachTerm(in: text, term: { word in
            if let known = cache[word] { return known }
            let found = SearchText.term(word)
            cache[word] = found
            return found
        }) { result.insert($0) }
        return result
    }

    /// Calls `body` with the term of every word of `text`, in order.
    ///
    /// ASCII words take a fast path over UTF-8 bytes; a word with any other character (and the punctuation
    /// around it, up to the next ASCII separator) goes through `words`, which gives the same result for ASCII.
    static func forEachTerm(in text: String, term asciiTerm: (String) -> String?, _ body: (String) -> Void) {
        var word: [UInt8] = []
        var ascii = true
        func flush() {
            guard !word.isEmpty else { return }
            let folded = String(decoding: word, as: UTF8.self)
            if ascii {
                if word.count >= 2, word.count < SearchText.maxLength, let found = asciiTerm(folded) { body(found) }
            } else {
                for found in SearchText.words(folded).compactMap(SearchText.term) { body(found) }
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
            case 0x80...: word.append(byte); ascii = false
            default: flush()
            }
        }
        flush()
    }

}

/// (Reference) Turns rendered HTML into plain-text sections for the search index. It reads only HTML Ripple itself
/// produced (well-formed, quoted attributes), so a small byte scanner is enough and fast on large guides.
enum ReferenceSearchHTML {
    /// Elements whose content is not page text.
    private static let skipped: Set<String> = ["script", "style", "template", "svg", "noscript"]
    /// Elements that do not separate words (`<em>x</em>y` is one word).
    private static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ]

    /// Sections of `html`: text before the first heading with an id, then one per such heading.
    static func sections(of html: String) -> [SearchSection] {
        var sections = [SearchSection(id: "", heading: "", text: "")]
        var text: [UInt8] = []
        var heading: [UInt8] = []
        var inHeading: String?  // the heading's tag name while inside a heading with an id
        var skipDepth = 0, skipTag = ""
        var anchorDepth = 0  // inside `<a class="anchor">`, whose "#" is not heading text
        let bytes = Array(html.utf8)
        let tags = ReferenceTag.tags(bytes)
        var i = 0

        func flushSection() {
            sections[sections.count - 1].text = collapse(text)
            text.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let byte = bytes[i]
            if let tag = tags[i] {
                i = tag.end
                if skipDepth > 0 {
                    if tag.name == skipTag { skipDepth += tag.closing ? -1 : (tag.selfClosing ? 0 : 1) }
                    continue
                }
                if skipped.contains(tag.name), !tag.closing, !tag.selfClosing {
                    skipDepth = 1; skipTag = tag.name
                    continue
                }
                if tag.name == "a", anchorDepth > 0 || tag.classes.contains("anchor") {
                    if !tag.closing, tag.classes.contains("anchor") { anchorDepth += 1 } else if tag.closing { anchorDepth = max(0, anchorDepth - 1) }
                    continue
                }
                if ReferenceTag.isHeading(tag.name) {
                    if !tag.closing, let id = tag.id, inHeading == nil {
                        flushSection()
                        inHeading = tag.name
                        sections.append(SearchSection(id: id, heading: "", text: ""))
                        continue
                    }
                    if tag.closing, tag.name == inHeading {
                        sections[sections.count - 1].heading = collapse(heading)
                        heading.removeAll(keepingCapacity: true)
                        inHeading = nil
                        continue
                    }
                }
                if !inline.contains(tag.name) {
                    if inHeading != nil { heading.append(32) } else { text.append(32) }
                }
                continue
            }
            i += 1
            if skipDepth > 0 || anchorDepth > 0 { continue }
            if byte == UInt8(ascii: "&"), let (decoded, end) = Entity.decode(bytes, at: i - 1) {
                if inHeading != nil { heading += decoded } else { text += decoded }
                i = end
                continue
            }
            if inHeading != nil { heading.append(byte) } else { text.append(byte) }
        }
        if inHeading != nil { sections[sections.count - 1].heading = collapse(heading) }
        flushSection()
        return sections
    }

    /// UTF-8 bytes as a string with runs of whitespace turned into single spaces and ends trimmed.
    static func collapse(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // ASCII white space, and a no-break space (UTF-8 C2 A0) read as a space.
            let isNoBreakSpace = byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 || isNoBreakSpace {
                pendingSpace = !out.isEmpty
                i += isNoBreakSpace ? 2 : 1
            } else {
                if pendingSpace { out.append(32); pendingSpace = false }
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Writes JSON string literals that are also safe inside a JavaScript file.
enum ReferenceJSONText {
    /// `"text"` with quotes, backslashes, control characters (`\n`, `\r`, `\t` short), `<` and U+2028/U+2029
    /// escaped, as `JSONString.quote(_:script: true)` writes it.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        raw(text, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The escaped characters of `text`, without the quotes.
    static func raw(_ text: String, into out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += [92, 34]
            case "\\": out += [92, 92]
            case "\n": out += [92, UInt8(ascii: "n")]
            case "\r": out += [92, UInt8(ascii: "r")]
            case "\t": out += [92, UInt8(ascii: "t")]
            case "<": out += Array("\\u003c".utf8)  // no `</script>` can ever close a surrounding script element
            case "\u{2028}": out += Array("\\u2028".utf8)
            case "\u{2029}": out += Array("\\u2029".utf8)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
    }
}
