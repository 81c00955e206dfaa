/// The notes of an import grouped by kind, for the person importing: one line per kind of thing that could not be
/// mapped, with its count and where the first ones are.
package enum ImportNotes {
    /// One line per kind, in order of first appearance: `<what> (N×: file:line, file, … and K more)` (each place
    /// once). A note's kind
    /// is its text without its location (`path:` or `path:line:column:` before the first `: `) and with every
    /// quoted name (`'…'`) blanked, so "the link 'a.md' leads to nothing" and "the link 'b.md' …" are one kind.
    package static func grouped(_ notes: [String], shown: Int = 3) -> [String] {
        var order: [String] = []
        var places: [String: [String]] = [:]
        for note in notes {
            let (location, text) = split(note)
            let kind = blankingQuotes(text)
            if places[kind] == nil { order.append(kind) }
            places[kind, default: []].append(location ?? (text.contains("'") ? "'" + quoted(text) + "'" : ""))
        }
        return order.map { kind in
            let at = places[kind]!
            var named: [String] = []
            for place in at where !place.isEmpty && !named.contains(place) { named.append(place) }
            guard !named.isEmpty else { return "\(kind) (\(at.count)×)" }
            let first = named.prefix(shown).joined(separator: ", ")
            return "\(kind) (\(at.count)×: \(first)\(named.count > shown ? " and \(named.count - shown) more" : ""))"
        }
    }

    /// The note's location (text before the first `: ` when it names a file) and its message.
    private static func split(_ note: String) -> (String?, String) {
        guard let colon = note.firstRange(of: ": ") else { return (nil, note) }
        let head = note[..<colon.lowerBound]
        guard !head.contains(" "), !head.hasPrefix("'"), head.contains(".") else { return (nil, note) }
        return (String(head), String(note[colon.upperBound...]))
    }

    private static func blankingQuotes(_ text: String) -> String {
        var out = "", inQuote = false
        let characters = Array(text)
        for (i, character) in characters.enumerated() {
            // An apostrophe inside a word ("program's") neither opens nor closes a quote.
            let letterBefore = i > 0 && characters[i - 1].isLetter, letterAfter = i + 1 < characters.count && characters[i + 1].isLetter
            if character == "'" && !(letterBefore && letterAfter) && (inQuote ? !letterAfter : !letterBefore) {
                out += inQuote ? "'" : "'…"
                inQuote.toggle()
            } else if !inQuote {
                out.append(character)
            }
        }
        return out
    }

    /// The first quoted name of the text (to say which one when the note has no location).
    private static func quoted(_ text: String) -> String {
        guard let open = text.firstIndex(of: "'") else { return text }
        let after = text[text.index(after: open)...]
        return String(after.prefix { $0 != "'" })
    }
}
