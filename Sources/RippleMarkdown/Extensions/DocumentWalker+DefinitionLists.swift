import CCmark

/// Definition lists (PHP Markdown Extra, Pandoc, many mdBook and Hugo sites): a paragraph of term lines,
/// each followed by one or more `: definition` lines, becomes `<dl>`.
///
/// ```
/// Mentor
/// : Someone who shares what they know.
/// ```
extension DocumentWalker {
    /// Replaces `paragraph` when its lines form a definition list; returns the list (the walk goes into it).
    func definitionList(_ paragraph: OpaquePointer) -> OpaquePointer? {
        let first = cmark_node_get_start_line(paragraph), last = cmark_node_get_end_line(paragraph)
        guard relocated[paragraph] == nil, last > first,
              (first + 1...last).contains(where: { Self.definitionOffset(sourceMap.lineBytes($0)) != nil })
        else { return nil }
        let lines = paragraphLines(paragraph, from: first, to: last)
        var items: [(isTerm: Bool, line: ParagraphLine)] = []
        for line in lines {
            if let offset = Self.definitionOffset(line.bytes) {
                guard !items.isEmpty else { return nil }
                let start = line.bytes.startIndex + offset
                items.append((false, ParagraphLine(
                    bytes: line.bytes[start...], line: line.line, byteColumn: line.byteColumn + Int32(offset))))
            } else {
                items.append((true, line))
            }
        }
        // Every term needs a definition after it.
        for (index, item) in items.enumerated() where item.isTerm {
            guard index + 1 < items.count else { return nil }
        }
        let list = Cmark.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<dl>", exit: "</dl>")
        for item in items {
            let tag = item.isTerm ? "dt" : "dd"
            let node = Cmark.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<\(tag)>", exit: "</\(tag)>")
            let inlines = subParagraph([item.line])
            Cmark.moveChildren(of: inlines, to: node)
            cmark_node_free(inlines)
            cmark_node_append_child(list, node)
        }
        Cmark.replace(paragraph, with: list)
        return list
    }

    /// Where the text of a `: definition` line starts (after the colon and its spaces), or `nil`.
    private static func definitionOffset(_ line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex
        while index < line.endIndex, index - line.startIndex < 3, line[index] == 0x20 { index += 1 }
        guard index + 1 < line.endIndex, line[index] == UInt8(ascii: ":"),
              line[index + 1] == 0x20 || line[index + 1] == 0x09 else { return nil }
        index += 1
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index - line.startIndex
    }
}
