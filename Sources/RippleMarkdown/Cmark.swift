import CCmark
import CRippleSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small wrappers around cmark's node API. `OpaquePointer` is a `cmark_node *`.
enum Cmark {
    /// Parses `markdown` and hands the document to `body`; the document and everything cmark allocated for it
    /// (including HTML rendered from it) are freed when `body` returns.
    ///
    /// cmark allocates from the calling thread's arena (`ripple_arena_allocator`): one release per document
    /// instead of a `free` per node.
    static func withDocument<T>(_ markdown: String, options: Int32, _ body: (OpaquePointer) -> T) -> T {
        let mark = ripple_arena_mark_now()
        defer { ripple_arena_release(mark) }
        let document = parseInArena(markdown, options: options)
        defer { cmark_node_free(document) }
        return body(document)
    }

    /// Parses `markdown` as a second document in the current arena, for nodes that are moved into the document
    /// being walked (table cells, footnote bodies). Its memory goes with that document's (see `withDocument`),
    /// so this must only be called inside `withDocument`'s body.
    static func parseInArena(_ markdown: String, options: Int32) -> OpaquePointer {
        let parser = cmark_parser_new_with_mem(options, arena)!
        var markdown = markdown
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)!
        cmark_parser_free(parser)
        return document
    }

    /// The calling thread's arena as cmark's allocator.
    private static var arena: UnsafeMutablePointer<cmark_mem> {
        UnsafeMutableRawPointer(ripple_arena_allocator()!).assumingMemoryBound(to: cmark_mem.self)
    }

    /// A new unlinked node of `type`, in the current arena like its document, so it must only be made inside
    /// `withDocument`'s body. cmark frees a document's nodes with the document's allocator (the arena's, which
    /// frees nothing): a node taken from `malloc` and inserted into it was never freed, 30 MB on a
    /// 10,000-chapter guide.
    static func newNode(_ type: cmark_node_type) -> OpaquePointer {
        cmark_node_new_with_mem(type, arena)!
    }

    /// A new unlinked custom block or inline node that renders as `enter`, its children, then `exit`.
    static func custom(_ type: cmark_node_type, enter: String, exit: String) -> OpaquePointer {
        let node = newNode(type)
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// Moves every child of `from` to the end of `to`'s children.
    static func moveChildren(of from: OpaquePointer, to: OpaquePointer) {
        while let child = cmark_node_first_child(from) {
            cmark_node_unlink(child)
            cmark_node_append_child(to, child)
        }
    }

    /// Every node of the subtree at `root` (the root included), in document order.
    static func subtree(_ root: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return nodes }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                nodes.append(node)
            }
        }
        return nodes
    }

    /// HTML for `node` and its descendants. The C string is arena memory of the node's document (see
    /// `withDocument`), so it is copied and not freed here.
    static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
        guard let cString = cmark_render_html(node, options) else { return "" }
        return String(cString: cString)
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// A new unlinked node of `type` with `literal` set; it belongs to the caller until inserted.
    static func node(_ type: cmark_node_type, literal: String) -> OpaquePointer {
        let node = newNode(type)
        cmark_node_set_literal(node, literal)
        return node
    }

    /// Puts `new` where `old` was and frees `old` (and its children).
    static func replace(_ old: OpaquePointer, with new: OpaquePointer) {
        cmark_node_replace(old, new)
        cmark_node_free(old)
    }

    /// Plain text of an inline subtree (text, code, line breaks as spaces).
    static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return text }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator),
                  cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: text += literal(node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Whether cmark's safe mode would remove this URL (`javascript:`, `vbscript:`, `file:`,
    /// and `data:` except common image types).
    static func isDangerousURL(_ url: String) -> Bool {
        let lowered = url.prefix(20).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return true
        }
        guard lowered.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lowered.hasPrefix($0) }
    }
}
