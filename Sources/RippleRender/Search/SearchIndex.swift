import RippleCore

/// One chunk of the site's search index: a compact inverted index of some pages, written as a JavaScript file
/// that stores itself in a global, so search works from a web server and from pages opened straight from disk
/// (`file://` blocks `fetch`). `SearchIndexFiles` cuts the site's pages into chunks and writes the manifest.
///
/// Layout of a chunk object, `RippleSearchChunks[k]` (read by `templates/assets/js/search.js`):
/// - `pages`: `[[title, url], …]` (url relative to the site root);
/// - `sections`: `[[page, id, heading, snippet], …]` in page order (page numbers count from the chunk's first
///   page), each page's first section has id `""`;
/// - `terms`: every term of the chunk, sorted, separated by spaces;
/// - `body`, `head`, `title`: one posting list per term (same order, separated by spaces, see `PostingCode`):
///   sections whose heading or text hold the term; sections whose heading holds it; pages whose title holds it
///   (numbers count from the chunk's first section and page).
///
/// Building it has two steps: `analyse` tokenises each page (on all cores, while pages are written), and
/// `init(analysed:)` merges the documents into one term table with posting lists.
package struct SearchIndex: Sendable {
    /// The file the index's manifest is written to, relative to the site root (see `SearchIndexFiles`).
    package static let fileName = "search-index.js"
    /// Snippets are cut at a word before this many characters.
    package static let snippetLength = 120

    private var documents: [AnalysedDocument]
    /// Every term, sorted with `String`'s `<`.
    private var sortedTerms: [String]
    private var bodyLists: Postings, headLists: Postings, titleLists: Postings

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

    /// Posting lists of every term, one after another: term `t`'s list is `numbers[starts[t]..<ends[t]]`.
    private struct Postings: Sendable {
        var starts: [Int32]
        var ends: [Int32]
        var numbers: [Int32]

        /// Lists for terms counted in `counts`, to be filled with `add`.
        init(counts: [Int32]) {
            starts = []
            starts.reserveCapacity(counts.count)
            var total: Int32 = 0
            for count in counts {
                starts.append(total)
                total += count
            }
            ends = starts
            numbers = [Int32](repeating: 0, count: Int(total))
        }

        /// Adds `number` to term `t`'s list (numbers arrive in ascending order; a repeat is dropped).
        @inline(__always)
        mutating func add(_ number: Int32, to t: Int) {
            let end = Int(ends[t])
            if end > Int(starts[t]), numbers[end - 1] == number { return }
            numbers[end] = number
            ends[t] = Int32(end + 1)
        }

        func list(_ t: Int) -> [Int] { numbers[Int(starts[t])..<Int(ends[t])].map(Int.init) }
    }

    /// Builds the index of `documents` (tokenised on all cores).
    package init(documents: [SearchDocument]) {
        self.init(analysed: documents.parallelMap { Self.analyse($0) })
    }

    /// Merges analysed documents, in order, into one index.
    package init<Documents: RandomAccessCollection<AnalysedDocument>>(analysed documents: Documents) {
        let documents = Array(documents)
        self.documents = documents
        // One table of every distinct term; `global` maps each document's term numbers to it.
        var table = ByteTable(capacity: 1 << 16)
        var strings: [String] = []
        var global: [Int32] = []
        global.reserveCapacity(documents.reduce(0) { $0 + $1.terms.count })
        for document in documents {
            for term in document.terms {
                var term = term
                let (number, inserted) = term.withUTF8 { table.insert($0) }
                if inserted { strings.append(term) }
                global.append(Int32(number))
            }
        }
        // Sorted with String's `<` (what the index always used); terms that compare equal share one entry.
        let order = strings.indices.sorted { strings[$0] < strings[$1] }
        var rank = [Int32](repeating: 0, count: strings.count)
        var sorted: [String] = []
        sorted.reserveCapacity(strings.count)
        for (k, number) in order.enumerated() {
            if k > 0, strings[number] == sorted[sorted.count - 1] {
                rank[number] = Int32(sorted.count - 1)
            } else {
                rank[number] = Int32(sorted.count)
                sorted.append(strings[number])
            }
        }
        sortedTerms = sorted
        for k in global.indices { global[k] = rank[Int(global[k])] }

        var bodyCounts = [Int32](repeating: 0, count: sorted.count)
        var headCounts = bodyCounts, titleCounts = bodyCounts
        var offset = 0
        for document in documents {
            for t in document.titleTerms { titleCounts[Int(global[offset + Int(t)])] += 1 }
            for section in document.sections {
                for t in section.body { bodyCounts[Int(global[offset + Int(t)])] += 1 }
                for t in section.head { headCounts[Int(global[offset + Int(t)])] += 1 }
            }
            offset += document.terms.count
        }
        var body = Postings(counts: bodyCounts), head = Postings(counts: headCounts), title = Postings(counts: titleCounts)
        offset = 0
        var sectionNumber: Int32 = 0
        for (page, document) in documents.enumerated() {
            for t in document.titleTerms { title.add(Int32(page), to: Int(global[offset + Int(t)])) }
            for section in document.sections {
                for t in section.body { body.add(sectionNumber, to: Int(global[offset + Int(t)])) }
                for t in section.head { head.add(sectionNumber, to: Int(global[offset + Int(t)])) }
                sectionNumber += 1
            }
            offset += document.terms.count
        }
        bodyLists = body; headLists = head; titleLists = title
    }

    /// The pages indexed, in order.
    package var pages: [(title: String, url: String)] { documents.map { ($0.title, $0.url) } }

    /// Sections: page number, heading id, heading, snippet.
    package var sections: [(page: Int, id: String, heading: String, snippet: String)] {
        documents.enumerated().flatMap { page, document in
            document.sections.map { (page, $0.id, $0.heading, $0.snippet) }
        }
    }

    /// Sorted terms with their posting lists (section numbers; heading section numbers; page numbers).
    package var terms: [Term] {
        sortedTerms.indices.map { t in
            Term(term: sortedTerms[t], body: bodyLists.list(t), head: headLists.list(t), title: titleLists.list(t))
        }
    }

    /// The index as chunk `chunk`'s script: `(window.RippleSearchChunks=…)[chunk]={…};`.
    package func javaScript(chunk: Int) -> String { String(decoding: javaScriptBytes(chunk: chunk), as: UTF8.self) }

    /// The UTF-8 bytes of `javaScript(chunk:)`.
    package func javaScriptBytes(chunk: Int) -> [UInt8] {
        // An upper bound of the size: every string byte escaped to six, every posting number seven digits.
        var bound = 4096
        for document in documents { bound += Self.bound(of: document) }
        for term in sortedTerms { bound += 6 * term.utf8.count + 4 }
        bound += 7 * (bodyLists.numbers.count + headLists.numbers.count + titleLists.numbers.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            var out = ByteWriter(buffer)
            write(chunk: chunk, to: &out)
            initialized = out.count
        }
    }

    /// An upper bound of the bytes of a document's page entry and sections, separators included.
    private static func bound(of document: AnalysedDocument) -> Int {
        var bound = 6 * (document.title.utf8.count + document.url.utf8.count) + 8
        for section in document.sections {
            bound += 6 * (section.id.utf8.count + section.heading.utf8.count + section.snippet.utf8.count) + 40
        }
        return bound
    }

    /// Writes a document's entry of `pages`: `[title,url]`.
    private static func writePage(_ document: AnalysedDocument, to out: inout ByteWriter) {
        out.append(UInt8(ascii: "["))
        out.appendQuoted(document.title)
        out.append(UInt8(ascii: ","))
        out.appendQuoted(document.url)
        out.append(UInt8(ascii: "]"))
    }

    /// Writes a document's entries of `sections`, separated by `,\n`.
    private static func writeSections(_ document: AnalysedDocument, page: Int, to out: inout ByteWriter) {
        for (k, section) in document.sections.enumerated() {
            if k > 0 { out.append(",\n") }
            out.append(UInt8(ascii: "["))
            out.append(decimal: page)
            out.append(UInt8(ascii: ","))
            out.appendQuoted(section.id)
            out.append(UInt8(ascii: ","))
            out.appendQuoted(section.heading)
            out.append(UInt8(ascii: ","))
            out.appendQuoted(section.snippet)
            out.append(UInt8(ascii: "]"))
        }
    }

    private func write(chunk: Int, to out: inout ByteWriter) {
        out.append("(window.RippleSearchChunks=window.RippleSearchChunks||[])[")
        out.append(decimal: chunk)
        out.append("]={\"pages\":[")
        for (i, document) in documents.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.writePage(document, to: &out)
        }
        out.append("],\n\"sections\":[")
        var first = true
        for (page, document) in documents.enumerated() where !document.sections.isEmpty {
            if first { first = false } else { out.append(",\n") }
            Self.writeSections(document, page: page, to: &out)
        }
        out.append("],\n\"terms\":\"")
        for (i, term) in sortedTerms.enumerated() {
            if i > 0 { out.append(32) }
            out.appendEscaped(term)
        }
        for (key, lists) in [("body", bodyLists), ("head", headLists), ("title", titleLists)] {
            out.append("\",\n\"")
            out.appendEscaped(key)
            out.append("\":\"")
            lists.numbers.withUnsafeBufferPointer { numbers in
                for t in sortedTerms.indices {
                    if t > 0 { out.append(32) }
                    out.appendPostings(UnsafeBufferPointer(rebasing: numbers[Int(lists.starts[t])..<Int(lists.ends[t])]))
                }
            }
        }
        out.append("\"};\n")
    }
}
