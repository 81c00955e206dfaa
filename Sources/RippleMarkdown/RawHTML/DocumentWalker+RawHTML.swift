import CCmark
import RippleCore

/// Raw HTML written in the Markdown, made safe in place (unless `unsafeHTML`): see `RawHTMLSanitizer`.
extension DocumentWalker {
    /// Replaces the literal of an HTML block or inline HTML node by its sanitised form, reporting what was removed
    /// at its place in the file; an HTML block left empty is removed. Elements it leaves open are closed when its
    /// parent ends (`closeRawHTML`).
    func sanitizeRawHTML(_ node: OpaquePointer) {
        let literal = Cmark.literal(node)
        let parent = cmark_node_parent(node)
        var scope = parent.flatMap { rawHTMLScopes[$0] } ?? RawHTMLSanitizer.Scope()
        let (line, byteColumn) = position(of: node)
        let utf8 = Array(literal.utf8)
        let (html, text, removals, ids) = RawHTMLSanitizer.sanitize(literal, scope: &scope) { url, isImage, offset in
            let location = Self.location(of: offset, in: utf8, line: line, byteColumn: byteColumn, sourceMap: sourceMap)
            return rewrite(url, isImage: isImage, at: location, context: .rawHTML)
        }
        for removal in removals {
            diagnostics.append(.warning(
                removal.message, at: Self.location(of: removal.offset, in: utf8, line: line, byteColumn: byteColumn, sourceMap: sourceMap),
                hint: "Ripple keeps only raw HTML that cannot run code or change the page (see `unsafe_html` in ripple.yaml)"))
        }
        rawHTMLIDs += ids
        if let parent { rawHTMLScopes[parent] = scope.open.isEmpty && scope.dropping == nil ? nil : scope }
        pieces.append(text)
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK else {
            cmark_node_set_literal(node, html)
            return
        }
        endBlock()
        if html.allSatisfy(\.isWhitespace) {
            // The iterator has already moved on to the next sibling or the parent's end.
            cmark_node_unlink(node)
            cmark_node_free(node)
        } else {
            cmark_node_set_literal(node, html.last == "\n" ? html : html + "\n")
        }
    }

    /// Whether `node` is text inside an element that raw HTML removes with its content (`<script>` written
    /// inline: cmark sees the tags as inline HTML and what is between them as text).
    func isInsideRemovedHTML(_ node: OpaquePointer) -> Bool {
        guard !rawHTMLScopes.isEmpty, let parent = cmark_node_parent(node) else { return false }
        return rawHTMLScopes[parent]?.dropping != nil
    }

    /// Ends the elements raw HTML inside `node` started and never ended, as `node` ends.
    func closeRawHTML(in node: OpaquePointer) {
        guard !rawHTMLScopes.isEmpty, let open = rawHTMLScopes.removeValue(forKey: node)?.open, !open.isEmpty else { return }
        let closers = open.reversed().map { "</\($0)>" }.joined()
        let type = cmark_node_get_type(node)
        let holdsBlocks = type == CMARK_NODE_DOCUMENT || type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM
            || type == CMARK_NODE_CUSTOM_BLOCK
        cmark_node_append_child(node, Cmark.node(holdsBlocks ? CMARK_NODE_HTML_BLOCK : CMARK_NODE_HTML_INLINE,
                                                 literal: holdsBlocks ? closers + "\n" : closers))
    }

    /// Where byte `offset` of a node's literal is, for a node that starts at cmark's `line`:`byteColumn`.
    private static func location(
        of offset: Int, in literal: [UInt8], line: Int32, byteColumn: Int32, sourceMap: SourceMap
    ) -> SourceLocation {
        var newlines: Int32 = 0, lineStart = 0
        for index in 0..<min(offset, literal.count) where literal[index] == 0x0A {
            newlines += 1
            lineStart = index + 1
        }
        let column = newlines == 0 ? byteColumn + Int32(offset) : Int32(offset - lineStart + 1)
        return sourceMap.location(line: line + newlines, byteColumn: column)
    }
}
