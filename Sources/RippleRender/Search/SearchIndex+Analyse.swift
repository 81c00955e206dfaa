import RippleMarkdown

extension SearchIndex {
    /// Tokenises a Markdown page from the text sections its walk collected (`RenderedMarkdown.sections`).
    package static func analyse(title: String, url: String, sections: [TextSection]) -> AnalysedDocument {
        analyse(SearchDocument(title: title, url: url, sections: sections))
    }

    /// Tokenises a document whose sections are already cut.
    package static func analyse(_ document: SearchDocument) -> AnalysedDocument {
        var analysis = DocumentAnalysis(title: document.title)
        for section in document.sections {
            analysis.startSection(id: section.id)
            var heading = section.heading, text = section.text
            heading.withUTF8 { analysis.finishHeading($0) }
            analysis.heading = section.heading
            text.withUTF8 { analysis.finishText($0) }
        }
        return analysis.document(title: document.title, url: document.url)
    }

    /// The first words of a section's text, cut at a word with "…".
    package static func snippet(_ text: String) -> String {
        // Same as `text.count > snippetLength`, without counting every character of a long section.
        guard text.index(text.startIndex, offsetBy: snippetLength + 1, limitedBy: text.endIndex) != nil else { return text }
        var cut = text.prefix(snippetLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// `snippet` of UTF-8 text; ASCII text is cut as bytes (one byte is one character there, but for CR LF).
    static func snippet(utf8 text: UnsafeBufferPointer<UInt8>) -> String {
        guard text.count > snippetLength else { return String(decoding: text, as: UTF8.self) }
        let head = UnsafeBufferPointer(rebasing: text[..<(snippetLength + 1)])
        guard head.allSatisfy({ $0 < 0x80 && $0 != 13 }) else { return snippet(String(decoding: text, as: UTF8.self)) }
        var end = snippetLength
        if let space = head[..<snippetLength].lastIndex(of: 32) { end = space }
        var bytes = [UInt8](UnsafeBufferPointer(rebasing: text[..<end]))
        bytes += [0xE2, 0x80, 0xA6]  // …
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Gathers one document's sections and terms, section by section.
private struct DocumentAnalysis {
    var analyser = SearchAnalyser()
    var sections: [AnalysedDocument.Section] = []
    var titleTerms: [Int32] = []
    var id = "", heading = "", head: [Int32] = []

    init(title: String) {
        var title = title
        analyser.startRound()
        title.withUTF8 { analyser.collect($0, into: &titleTerms) }
    }

    mutating func startSection(id: String) {
        self.id = id
        heading = ""
        head = []
    }

    mutating func finishHeading(_ heading: UnsafeBufferPointer<UInt8>) {
        self.heading = String(decoding: heading, as: UTF8.self)
        head = []
        analyser.startRound()
        analyser.collect(heading, into: &head)
    }

    mutating func finishText(_ text: UnsafeBufferPointer<UInt8>) {
        var body = head
        analyser.startRound()
        analyser.take(head)
        analyser.collect(text, into: &body)
        sections.append(AnalysedDocument.Section(id: id, heading: heading, snippet: SearchIndex.snippet(utf8: text),
                                                 body: body, head: head))
    }

    /// The document; the analysis is not used after this.
    func document(title: String, url: String) -> AnalysedDocument {
        defer { analyser.release() }
        return AnalysedDocument(title: title, url: url, sections: sections, terms: analyser.termStrings, titleTerms: titleTerms)
    }
}
