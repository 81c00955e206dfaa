/// How wide a line of chart text is, from a table of glyph advances: the one text-width model every chart
/// lays out with.
///
/// The advances (thousandths of an em) were measured in Chromium with canvas `measureText` for DejaVu Sans
/// and Liberation Sans, taking the wider of the two for each character. DejaVu Sans is what `system-ui`
/// resolves to on a plain Linux and is wider than Segoe UI, Roboto, Helvetica and Noto Sans, so the theme's
/// font stack never draws text wider than this model says; a layout made with it never overlaps, at the cost
/// of a little slack on Macs and Windows. Characters outside the table count as a full em (CJK, emoji).
package enum TextWidth {
    /// Advances of U+0020 … U+007E.
    static let ascii: [UInt16] = [
        318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337,
        637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557,
        1016, 685, 687, 723, 771, 667, 611, 778, 752, 295, 500, 667, 558, 863, 749, 788,
        667, 788, 723, 667, 611, 732, 685, 989, 686, 667, 686, 391, 337, 391, 838, 557,
        500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612,
        635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
    ]
    /// Advances of U+00A0 … U+00FF (accented Latin letters, `£`, `×`, `·`).
    static let latin1: [UInt16] = [
        318, 401, 637, 637, 637, 637, 337, 557, 500, 1000, 472, 612, 838, 0, 1000, 553,
        500, 838, 401, 401, 500, 637, 637, 334, 500, 401, 472, 612, 970, 970, 970, 611,
        685, 685, 685, 685, 685, 685, 1000, 723, 667, 667, 667, 667, 295, 295, 295, 295,
        775, 749, 788, 788, 788, 788, 788, 838, 788, 732, 732, 732, 732, 667, 667, 630,
        613, 613, 613, 613, 613, 613, 982, 550, 616, 616, 616, 616, 278, 278, 278, 278,
        612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592,
    ]
    /// Punctuation charts use beyond Latin-1.
    static let other: [Character: UInt16] = [
        "’": 318, "‘": 318, "“": 519, "”": 519, "–": 557, "—": 1000, "…": 1000, "→": 1000, "←": 1000,
        "•": 590, "−": 838, "≤": 838, "≥": 838, "€": 637,
    ]

    /// The advance of one character in thousandths of an em.
    static func advance(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return other[character].map(Int.init) ?? 1000
        }
        switch scalar.value {
        case 0x20..<0x7F: return Int(ascii[Int(scalar.value) - 0x20])
        case 0xA0...0xFF: return Int(latin1[Int(scalar.value) - 0xA0])
        default: return other[character].map(Int.init) ?? 1000
        }
    }

    /// Width in pixels of `text` set at `size` pixels.
    package static func of(_ text: String, size: Double) -> Double {
        Double(text.reduce(0) { $0 + advance($1) }) * size / 1000
    }

    /// `text` cut at a character boundary and ended with `…` so it is at most `maxWidth` wide; whole when it fits.
    package static func truncated(_ text: String, size: Double, maxWidth: Double) -> String {
        guard of(text, size: size) > maxWidth else { return text }
        let ellipsis = of("…", size: size)
        var kept = "", width = 0.0
        for character in text {
            let next = Double(advance(character)) * size / 1000
            if width + next + ellipsis > maxWidth { break }
            kept.append(character)
            width += next
        }
        return kept.trimmingTrailingSpaces() + "…"
    }

    /// `text` broken at spaces into at most `maxLines` lines of at most `maxWidth`; the last line is
    /// truncated when the words do not fit.
    package static func wrapped(_ text: String, size: Double, maxWidth: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for (index, word) in words.enumerated() {
            let candidate = current.isEmpty ? word : current + " " + word
            if of(candidate, size: size) <= maxWidth || current.isEmpty {
                current = candidate
                continue
            }
            if lines.count == maxLines - 1 {
                current = ([current] + words[index...]).joined(separator: " ")
                break
            }
            lines.append(current)
            current = word
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map { truncated($0, size: size, maxWidth: maxWidth) }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
