import CCmark

/// Pipe tables: a paragraph whose lines hold a header row and a delimiter row becomes a table.
///
/// cmark has no table node, so the table is built from custom nodes (`<table>`, `<thead>`, `<tbody>`, rows) and
/// each cell's text is parsed as its own small document, whose inline nodes move into the cell. The rows are
/// read from the source lines, not from cmark's text, so smart punctuation never sees `|---|`.
extension DocumentWalker {
    /// One source line of a paragraph, without the block-quote markers and indentation before it.
    struct ParagraphLine {
        var bytes: ArraySlice<UInt8>
        var line: Int32
        var byteColumn: Int32
    }

    /// Replaces `paragraph` when it holds a pipe table; returns the first node put in its place (a paragraph of
    /// the lines before the header row, or the table), whose children the walk must enter.
    func pipeTable(_ paragraph: OpaquePointer) -> OpaquePointer? {
        guard mayBeTable(paragraph) else { return nil }
        let first = cmark_node_get_start_line(paragraph), last = cmark_node_get_end_line(paragraph)
        let lines = paragraphLines(paragraph, from: first, to: last)
        guard let headerIndex = lines.indices.dropLast().first(where: { isTableStart(lines, at: $0) }),
              let alignments = PipeTableSyntax.alignments(lines[headerIndex + 1].bytes) else { return nil }
        let header = PipeTableSyntax.cells(lines[headerIndex].bytes)

        // The wrapper scrolls a wide table on a narrow screen instead of widening the page.
        let table = Cmark.custom(
            CMARK_NODE_CUSTOM_BLOCK, enter: "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">\n<table>",
            exit: "</table>\n</div>")
        let head = Cmark.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<thead>", exit: "</thead>")
        cmark_node_append_child(head, row(header, of: lines[headerIndex], alignments: alignments, cell: "th"))
        cmark_node_append_child(table, head)
        let bodyLines = lines[(headerIndex + 2)...]
        if !bodyLines.isEmpty {
            let body = Cmark.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<tbody>", exit: "</tbody>")
            for line in bodyLines {
                cmark_node_append_child(body, row(PipeTableSyntax.cells(line.bytes), of: line, alignments: alignments, cell: "td"))
            }
            cmark_node_append_child(table, body)
        }
        cmark_node_insert_before(paragraph, table)
        var firstNew = table
        if headerIndex > 0 {
            let before = subParagraph(Array(lines[..<headerIndex]))
            cmark_node_insert_before(table, before)
            firstNew = before
        }
        cmark_node_unlink(paragraph)
        cmark_node_free(paragraph)
        return firstNew
    }

    /// Whether the paragraph or setext heading spans lines and has a pipe in them (a cheap test before parsing).
    func mayBeTable(_ node: OpaquePointer) -> Bool {
        let first = cmark_node_get_start_line(node), last = cmark_node_get_end_line(node)
        return relocated[node] == nil && last > first && (first...last).contains { sourceMap.lineBytes($0).contains(UInt8(ascii: "|")) }
    }

    private func isTableStart(_ lines: [ParagraphLine], at index: Int) -> Bool {
        guard let alignments = PipeTableSyntax.alignments(lines[index + 1].bytes) else { return false }
        return PipeTableSyntax.cells(lines[index].bytes).count == alignments.count
    }

    /// A `<tr>` with one cell per column: missing cells are empty, extra cells are dropped (as GFM says).
    private func row(
        _ cells: [PipeTableSyntax.Cell], of line: ParagraphLine, alignments: [PipeTableSyntax.Alignment], cell: String
    ) -> OpaquePointer {
        let row = Cmark.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<tr>", exit: "</tr>")
        for (column, alignment) in alignments.enumerated() {
            let attribute = switch alignment {
            case .none: ""
            case .left: " class=\"align-left\""
            case .center: " class=\"align-center\""
            case .right: " class=\"align-right\""
            }
            let node = Cmark.custom(CMARK_NODE_CUSTOM_INLINE, enter: "<\(cell)\(attribute)>", exit: "</\(cell)>\n")
            if column < cells.count, !cells[column].text.isEmpty {
                let source = ParagraphLine(
                    bytes: [], line: line.line, byteColumn: line.byteColumn + Int32(cells[column].byteOffset))
                let paragraph = subParagraph([source], texts: [cells[column].text])
                Cmark.moveChildren(of: paragraph, to: node)
                cmark_node_free(paragraph)
            }
            cmark_node_append_child(row, node)
        }
        return row
    }

    /// A paragraph parsed from `lines` (or from `texts`, one per line, when given) as its own document,
    /// with the source positions of its nodes remembered; strikethrough is already applied.
    ///
    /// The first line gets a `%` in front, removed again after parsing, so that text like `# x`, `- x` or
    /// `<br>` stays inline instead of starting a block; `%` has no meaning in Markdown and, being
    /// punctuation, leaves emphasis at the start of the text as it was.
    func subParagraph(_ lines: [ParagraphLine], texts: [String]? = nil) -> OpaquePointer {
        let texts = texts ?? lines.map { String(decoding: $0.bytes, as: UTF8.self) }
        let document = Cmark.parseInArena("%" + texts.joined(separator: "\n"), options: parseOptions)
        defer { cmark_node_free(document) }
        let paragraph = cmark_node_first_child(document) ?? Cmark.newNode(CMARK_NODE_PARAGRAPH)
        cmark_node_unlink(paragraph)
        for node in Cmark.subtree(paragraph) {
            let subLine = Int(cmark_node_get_start_line(node))
            guard subLine >= 1, subLine <= lines.count else { continue }
            let source = lines[subLine - 1]
            let column = cmark_node_get_start_column(node) + source.byteColumn - 1 - (subLine == 1 ? 1 : 0)
            relocated[node] = (source.line, max(source.byteColumn, column))
        }
        if let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT {
            let rest = String(Cmark.literal(text).unicodeScalars.dropFirst())
            if rest.isEmpty {
                cmark_node_unlink(text)
                cmark_node_free(text)
            } else {
                cmark_node_set_literal(text, rest)
            }
        }
        Strikethrough.apply(in: paragraph)
        return paragraph
    }

    /// The source lines of `paragraph`; cmark gives the start column of the first line only, so later lines
    /// lose the block-quote markers of the paragraph's block quotes and their indentation here.
    func paragraphLines(_ paragraph: OpaquePointer, from first: Int32, to last: Int32) -> [ParagraphLine] {
        var quotes = 0
        var ancestor = cmark_node_parent(paragraph)
        while let node = ancestor {
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
            ancestor = cmark_node_parent(node)
        }
        return (first...last).map { number in
            let bytes = sourceMap.lineBytes(number)
            var index = bytes.startIndex
            if number == first {
                index = min(bytes.endIndex, index + Int(cmark_node_get_start_column(paragraph)) - 1)
            } else {
                for _ in 0..<quotes {
                    var probe = index
                    while probe < bytes.endIndex, probe - index < 3, bytes[probe] == 0x20 { probe += 1 }
                    guard probe < bytes.endIndex, bytes[probe] == UInt8(ascii: ">") else { break }
                    index = probe + 1
                    if index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                }
                while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            }
            return ParagraphLine(bytes: bytes[index...], line: number, byteColumn: Int32(index - bytes.startIndex + 1))
        }
    }
}
