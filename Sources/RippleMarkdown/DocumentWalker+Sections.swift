/// The search side of the walk: the plain text it collects (`pieces`), cut into sections at every heading, with
/// the text of shortcodes (which reaches the HTML only) put in at its place.
extension DocumentWalker {
    /// Where one heading's text lies in `pieces`.
    struct SectionMark {
        /// The heading's first piece and the piece after its last.
        var heading: Range<Int>
        var id: String
    }

    /// A shortcode's plain text; it comes before `pieces[index]`.
    struct EmbedText {
        var index: Int
        var text: String
        /// A block shortcode replaced its paragraph, so its text is a block of its own.
        var isBlock: Bool
    }

    /// Marks the heading just walked (whose text started at `headingStart` in `pieces`) as the start of a section.
    func markSection(headingStart: Int) {
        guard let id = headings.last?.id else { return }
        sectionMarks.append(SectionMark(heading: headingStart..<pieces.count, id: id))
    }

    /// Keeps a shortcode's text for `textSections`; it does not count as words of the page.
    func addEmbedText(_ text: String, isBlock: Bool) {
        guard !text.isEmpty else { return }
        embedTexts.append(EmbedText(index: pieces.count, text: text, isBlock: isBlock))
    }

    /// The body text cut at every heading; the first section (empty id) holds the text before the first heading.
    func textSections() -> [TextSection] {
        var sections: [TextSection] = []
        sections.reserveCapacity(sectionMarks.count + 1)
        var embeds = embedTexts[...]
        var start = 0
        for mark in sectionMarks {
            let text = collapsed(start..<mark.heading.lowerBound, embeds: &embeds)
            if sections.isEmpty { sections.append(TextSection(id: "", heading: "", text: text)) } else { sections[sections.count - 1].text = text }
            let heading = collapsed(mark.heading, closed: false, embeds: &embeds)
            sections.append(TextSection(id: mark.id, heading: heading, text: ""))
            start = mark.heading.upperBound
        }
        let rest = collapsed(start..<pieces.count, embeds: &embeds)
        if sections.isEmpty { sections.append(TextSection(id: "", heading: "", text: rest)) } else { sections[sections.count - 1].text = rest }
        return sections
    }

    /// The pieces in `range`, with the shortcode texts placed among them, as one line of collapsed white space.
    /// A section's text also takes the shortcodes right after its last piece (`closed`); a heading's does not.
    private func collapsed(_ range: Range<Int>, closed: Bool = true, embeds: inout ArraySlice<EmbedText>) -> String {
        var text = CollapsedText()
        func take(through index: Int) {
            while let embed = embeds.first, embed.index <= index {
                if embed.isBlock { text.space() }
                text.add(embed.text)
                if embed.isBlock { text.space() }
                embeds.removeFirst()
            }
        }
        for index in range {
            take(through: index)
            text.add(pieces[index])
        }
        if closed { take(through: range.upperBound) }
        return text.string
    }
}

/// Text with runs of white space (space, tab, line feed, carriage return, form feed, no-break space) as single
/// spaces and the ends trimmed: the text a reader sees, as the search index reads it.
struct CollapsedText {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Ends a word (block boundaries, breaks).
    mutating func space() { pendingSpace = !bytes.isEmpty }

    /// Appends `piece`, collapsing its white space.
    mutating func add(_ piece: String) {
        var piece = piece
        piece.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                if byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 {
                    space()
                } else if byte == 0xC2, i + 1 < n, utf8[i + 1] == 0xA0 {
                    space()
                    i += 1
                } else {
                    if pendingSpace { bytes.append(32); pendingSpace = false }
                    bytes.append(byte)
                }
                i += 1
            }
        }
    }

    /// The text.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
