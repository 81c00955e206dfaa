import CCmark

/// GFM task list items (`- [ ]`, `- [x]`) and GitHub alerts (`> [!NOTE]`).
extension DocumentWalker {
    /// The five kinds of GitHub alert, by their marker's name in upper case, with the label shown and read out.
    static let alertLabels: [String: String] = [
        "NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution",
    ]

    /// Puts a disabled checkbox in front of a list item that starts with `[ ]`, `[x]` or `[X]` and whitespace.
    func taskListItem(_ item: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return }
        let (texts, prefix) = leadingText(of: paragraph)
        let scalars = Array(prefix.unicodeScalars.prefix(4))
        guard scalars.count == 4, scalars[0] == "[", scalars[2] == "]", scalars[3] == " " || scalars[3] == "\t",
              [" ", "x", "X"].contains(scalars[1]) else { return }
        removeScalars(3, from: texts)
        let checked = scalars[1] == " " ? "" : " checked=\"\""
        // A custom node, not inline HTML: the walk shows the author's inline HTML as text unless it is trusted.
        let box = Cmark.custom(
            CMARK_NODE_CUSTOM_INLINE, enter: "<input type=\"checkbox\"\(checked) disabled=\"\" />", exit: "")
        if let still = cmark_node_first_child(paragraph) {
            cmark_node_insert_before(still, box)
        } else {
            cmark_node_append_child(paragraph, box)
        }
    }

    /// Replaces a block quote whose first line is only `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or
    /// `[!CAUTION]` by an `<aside>` with a visible title and an accessible label; returns the aside.
    func alert(_ quote: OpaquePointer) -> OpaquePointer? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        let (texts, line) = leadingText(of: paragraph)
        let marker = line.trimmingWhitespace
        guard marker.hasPrefix("[!"), marker.hasSuffix("]"),
              let label = Self.alertLabels[String(marker.dropFirst(2).dropLast()).uppercased()] else { return nil }
        let next = texts.last.flatMap { cmark_node_next($0) }
        for text in texts {
            cmark_node_unlink(text)
            cmark_node_free(text)
        }
        if let next, [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(next)) {
            cmark_node_unlink(next)
            cmark_node_free(next)
        }
        if cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        let kind = label.lowercased()
        let aside = Cmark.custom(
            CMARK_NODE_CUSTOM_BLOCK,
            enter: "<aside class=\"alert alert-\(kind)\" role=\"note\" aria-label=\"\(label)\">\n"
                + "<p class=\"alert-title\" aria-hidden=\"true\">\(label)</p>",
            exit: "</aside>")
        Cmark.moveChildren(of: quote, to: aside)
        Cmark.replace(quote, with: aside)
        return aside
    }

    /// The text nodes at the start of `paragraph` up to its first line break or other inline, and their text.
    private func leadingText(of paragraph: OpaquePointer) -> ([OpaquePointer], String) {
        var nodes: [OpaquePointer] = []
        var text = ""
        var child = cmark_node_first_child(paragraph)
        while let node = child, cmark_node_get_type(node) == CMARK_NODE_TEXT {
            nodes.append(node)
            text += Cmark.literal(node)
            child = cmark_node_next(node)
        }
        return (nodes, text)
    }

    /// Drops the first `count` scalars of the text in `nodes`, removing nodes that become empty.
    private func removeScalars(_ count: Int, from nodes: [OpaquePointer]) {
        var left = count
        for node in nodes where left > 0 {
            let scalars = Cmark.literal(node).unicodeScalars
            if scalars.count <= left {
                left -= scalars.count
                cmark_node_unlink(node)
                cmark_node_free(node)
            } else {
                cmark_node_set_literal(node, String(String.UnicodeScalarView(scalars.dropFirst(left))))
                left = 0
            }
        }
    }
}
