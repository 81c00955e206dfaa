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

    /// Appends `piece`, collapsing its white space; words are appended whole, since a byte-at-a-time append
    /// showed in the profile of a 10,000-chapter build.
    mutating func add(_ piece: String) {
        var piece = piece
        piece.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                if let width = Self.spaceWidth(utf8, at: i) {
                    space()
                    i += width
                    continue
                }
                let start = i
                i += 1
                while i < n, Self.spaceWidth(utf8, at: i) == nil { i += 1 }
                if pendingSpace { bytes.append(32); pendingSpace = false }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
            }
        }
    }

    /// The number of bytes of the white space at `i` (a no-break space is two), or nil.
    @inline(__always)
    private static func spaceWidth(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        switch utf8[i] {
        case 32, 10, 9, 13, 12: 1
        case 0xC2 where i + 1 < utf8.count && utf8[i + 1] == 0xA0: 2
        default: nil
        }
    }

    /// The text.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
