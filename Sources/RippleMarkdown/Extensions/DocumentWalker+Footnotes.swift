import CCmark

/// Footnotes: `[^label]` references become numbered superscript links, in order of first reference, and the
/// referenced definitions are rendered in a list at the end of the document with links back.
extension DocumentWalker {
    /// The references `[^label]` with a definition in `scalars[range]`.
    func footnoteReferences(in scalars: [Unicode.Scalar], range: Range<Int>) -> [TextSpan] {
        var spans: [TextSpan] = []
        var index = range.lowerBound
        while index + 3 < range.upperBound {
            guard scalars[index] == "[", scalars[index + 1] == "^",
                  let close = scalars[(index + 2)..<range.upperBound].firstIndex(where: { $0 == "]" || $0 == "[" }),
                  scalars[close] == "]", close > index + 2 else {
                index += 1
                continue
            }
            let label = FootnoteDefinitions.normalise(String(String.UnicodeScalarView(scalars[(index + 2)..<close])))
            if footnoteDefinitions[label] != nil {
                spans.append(TextSpan(range: index..<(close + 1), kind: .footnote(label: label)))
            }
            index = close + 1
        }
        return spans
    }

    /// The HTML of the next reference to the footnote `label`.
    func footnoteReference(_ label: String) -> String {
        if footnoteNumbers[label] == nil {
            footnoteOrder.append(label)
            footnoteNumbers[label] = footnoteOrder.count
        }
        let number = footnoteNumbers[label]!
        footnoteReferenceCounts[label, default: 0] += 1
        let count = footnoteReferenceCounts[label]!
        return "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(Self.referenceID(number, count))\" "
            + "role=\"doc-noteref\">\(number)</a></sup>"
    }

    /// Renders the referenced footnotes (including those referenced only from other footnotes) and appends
    /// them to `document` as a `<section class="footnotes">`.
    func appendFootnotes(to document: OpaquePointer) {
        var items: [String] = []
        var index = 0
        while index < footnoteOrder.count {
            let label = footnoteOrder[index]
            index += 1
            guard let definition = footnoteDefinitions[label] else { continue }
            let body = Cmark.parseInArena(definition.markdown, options: parseOptions)
            for node in Cmark.subtree(body) where cmark_node_get_start_line(node) > 0 {
                let line = cmark_node_get_start_line(node), column = cmark_node_get_start_column(node)
                relocated[node] = (
                    Int32(definition.line) + line - 1,
                    line == 1 ? column + Int32(definition.byteColumn) - 1 : column + 4)
            }
            walk(body)
            let number = footnoteNumbers[label]!
            var backLinks = ""
            for count in 1...(footnoteReferenceCounts[label] ?? 1) {
                backLinks += " <a href=\"#\(Self.referenceID(number, count))\" class=\"footnote-backref\" "
                    + "role=\"doc-backlink\" aria-label=\"Back to reference \(number)\">↩</a>"
            }
            var last = cmark_node_last_child(body)
            if last.map({ cmark_node_get_type($0) != CMARK_NODE_PARAGRAPH }) ?? true {
                last = Cmark.newNode(CMARK_NODE_PARAGRAPH)
                cmark_node_append_child(body, last!)
            }
            cmark_node_append_child(last!, Cmark.node(CMARK_NODE_HTML_INLINE, literal: backLinks))
            items.append("<li id=\"fn-\(number)\">\n" + Cmark.renderHTML(body, options: CMARK_OPT_UNSAFE) + "</li>\n")
            cmark_node_free(body)
        }
        guard !items.isEmpty else { return }
        let html = "<section class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n" + items.joined() + "</ol>\n</section>\n"
        cmark_node_append_child(document, Cmark.node(CMARK_NODE_HTML_BLOCK, literal: html))
    }

    private static func referenceID(_ number: Int, _ count: Int) -> String {
        count == 1 ? "fnref-\(number)" : "fnref-\(number)-\(count)"
    }
}
