import RippleCore

/// GFM footnote definitions (`[^label]: text`, continued by lines indented four spaces), taken out of the
/// Markdown before cmark reads it.
///
/// cmark would read `[^x]: https://…` as a link reference definition (turning every `[^x]` into a link) and
/// `[^x]: some words` as a paragraph, so definitions are found line by line first, outside fenced code, and
/// their lines are blanked: line numbers of the rest stay as written.
struct FootnoteDefinitions {
    /// One definition: its Markdown (continuation lines without their four spaces of indentation) and where
    /// its text starts in the body (1-based line, 1-based byte column).
    struct Definition {
        var markdown: String
        var line: Int
        var byteColumn: Int
    }

    /// The Markdown with every definition's lines blanked.
    private(set) var body: String
    /// Definitions by normalised label (see `normalise`); the first of two with the same label wins.
    private(set) var definitions: [String: Definition] = [:]

    init(_ markdown: String) {
        body = markdown
        guard ByteSearch.contains("[^", in: markdown) else { return }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence: (marker: Character, count: Int)?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let open = fence {
                if Self.fence(line).map({ $0.marker == open.marker && $0.count >= open.count }) == true { fence = nil }
                index += 1
                continue
            }
            if let opened = Self.fence(line) {
                fence = opened
                index += 1
                continue
            }
            guard let (label, textStart) = Self.definitionStart(line) else {
                index += 1
                continue
            }
            var text = [String(decoding: line.utf8.dropFirst(textStart), as: UTF8.self)]
            var end = index + 1, lastContent = index
            while end < lines.count {
                let next = lines[end]
                if next.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    text.append("")
                } else if next.hasPrefix("    ") || next.hasPrefix("\t") {
                    text.append(next.hasPrefix("\t") ? String(next.dropFirst()) : String(next.dropFirst(4)))
                    lastContent = end
                } else if lastContent == end - 1, Self.isLazyContinuation(next) {
                    text.append(next)
                    lastContent = end
                } else {
                    break
                }
                end += 1
            }
            text.removeLast(end - 1 - lastContent)
            if definitions[label] == nil {
                definitions[label] = Definition(
                    markdown: text.joined(separator: "\n") + "\n", line: index + 1, byteColumn: textStart + 1)
            }
            for blank in index...lastContent { lines[blank] = "" }
            index = lastContent + 1
        }
        body = lines.joined(separator: "\n")
    }

    /// A label as matched: case-folded, inner whitespace collapsed to one space.
    static func normalise(_ label: some StringProtocol) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The label and the byte offset of the text of a line that starts a definition.
    private static func definitionStart(_ line: String) -> (String, Int)? {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, index < 3, bytes[index] == 0x20 { index += 1 }
        guard bytes.count >= index + 5, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^")
        else { return nil }
        guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]")), close > index + 2,
              close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":"),
              !bytes[(index + 2)..<close].contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "[") })
        else { return nil }
        var text = close + 2
        while text < bytes.count, bytes[text] == 0x20 || bytes[text] == 0x09 { text += 1 }
        return (normalise(String(decoding: bytes[(index + 2)..<close], as: UTF8.self)), text)
    }

    /// A fence opening or closing line (after block-quote markers and indentation): its character and length.
    private static func fence(_ line: String) -> (marker: Character, count: Int)? {
        let content = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        guard let marker = content.first, marker == "`" || marker == "~" else { return nil }
        let count = content.prefix { $0 == marker }.count
        return count >= 3 ? (marker, count) : nil
    }

    /// Whether an unindented line goes on the paragraph before it (it starts no block).
    private static func isLazyContinuation(_ line: String) -> Bool {
        let content = line.drop { $0 == " " }
        guard let first = content.first else { return false }
        if "#>-*+|<".contains(first) || fence(line) != nil || definitionStart(line) != nil { return false }
        if first.isNumber, let marker = content.drop(while: \.isNumber).first, marker == "." || marker == ")" { return false }
        return true
    }
}
