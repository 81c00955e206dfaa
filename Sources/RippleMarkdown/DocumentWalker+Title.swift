import CCmark

/// The page title: the heading that opens the document.
extension DocumentWalker {
    /// The plain text of the heading that opens the document (of any level, after HTML comments and anchors
    /// such as `<a id="intro"></a>`). A level-1 heading is removed from the document; a lower one is removed
    /// too when `pageHasTitle` is false (it is shown as the page's title), and otherwise stays as a section (a
    /// page whose front matter has a title keeps its opening `## Overview`).
    func extractTitle(_ document: OpaquePointer, pageHasTitle: Bool) -> String? {
        var node = cmark_node_first_child(document)
        while let current = node, Self.isCommentsAndAnchors(rawHTML(current)) {
            node = cmark_node_next(current)
        }
        guard let first = node, cmark_node_get_type(first) == CMARK_NODE_HEADING, !mayBeTable(first) else { return nil }
        var title = Cmark.plainText(of: first).trimmingWhitespace
        if let (text, _) = Self.splitCustomID(title) { title = text }
        if cmark_node_get_heading_level(first) == 1 || !pageHasTitle {
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        return title
    }

    /// The raw HTML of an HTML block or of a paragraph made only of inline HTML (`<a id="x"></a>` on its own
    /// line is such a paragraph); `nil` for anything else.
    private func rawHTML(_ node: OpaquePointer) -> String? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK: return Cmark.literal(node)
        case CMARK_NODE_PARAGRAPH:
            var html = ""
            var child = cmark_node_first_child(node)
            while let inline = child {
                switch cmark_node_get_type(inline) {
                case CMARK_NODE_HTML_INLINE: html += Cmark.literal(inline)
                case CMARK_NODE_SOFTBREAK: html += "\n"
                default: return nil
                }
                child = cmark_node_next(inline)
            }
            return html
        default: return nil
        }
    }

    /// Whether raw HTML holds only comments and `<a …>`/`</a>` tags (anchors put before a chapter's heading).
    static func isCommentsAndAnchors(_ html: String?) -> Bool {
        guard let html else { return false }
        var rest = Substring(html)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.isEmpty { return true }
            if rest.hasPrefix("<!--") {
                var index = rest.index(rest.startIndex, offsetBy: 4)
                while index < rest.endIndex, !rest[index...].hasPrefix("-->") { index = rest.index(after: index) }
                guard index < rest.endIndex else { return false }
                rest = rest[index...].dropFirst(3)
            } else if let tag = ["<a ", "<a>", "</a>", "<A ", "</A>"].first(where: { rest.hasPrefix($0) }) {
                guard let end = rest.dropFirst(tag.count - 1).firstIndex(of: ">") else { return false }
                rest = rest[rest.index(after: end)...]
            } else {
                return false
            }
        }
    }
}
