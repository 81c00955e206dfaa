import CCmark
import RippleCore

/// One pass over a parsed cmark document that rewrites it in place for HTML rendering:
/// headings get ids and anchors, raw HTML is made safe, links are rewritten, shortcodes
/// are expanded — and text, headings and diagnostics are collected on the way.
///
/// Nodes are only changed when cmark's iterator allows it (a leaf on enter, any node on exit);
/// after a node is replaced, the iterator is reset to the replacement so the walk goes on after it.
final class DocumentWalker {
    let options: MarkdownOptions
    let sourceMap: SourceMap
    let rewriteLink: (LinkTarget) -> LinkRewrite
    /// The second output's link rewriting when one walk serves two (see `LinkSlots`), else nil.
    let rewriteSecondLink: ((LinkTarget) -> LinkRewrite)?
    let embed: (Embed) -> EmbedResult

    var slugger = HeadingSlugger()
    /// Every heading, in document order.
    var headings: [(level: Int, id: String, title: String)] = []
    var diagnostics: [Diagnostic] = []
    /// Plain text pieces in document order; `"\n"` ends a block.
    var pieces: [String] = []
    /// Plain text of the first paragraph that has any.
    var firstParagraph: String?
    /// A paragraph whose block shortcode failed: its text is not searched for shortcodes again.
    var shortcodesDone: OpaquePointer?
    /// Source positions of nodes parsed from a piece of the source on their own (table cells, footnotes),
    /// whose cmark positions count from that piece.
    var relocated: [OpaquePointer: (line: Int32, byteColumn: Int32)] = [:]
    /// Footnote definitions taken out of the source, by normalised label.
    let footnoteDefinitions: [String: FootnoteDefinitions.Definition]
    /// Labels of referenced footnotes, in the order of their numbers.
    var footnoteOrder: [String] = []
    var footnoteNumbers: [String: Int] = [:]
    var footnoteReferenceCounts: [String: Int] = [:]
    /// What raw HTML inside a node (the key) left open.
    var rawHTMLScopes: [OpaquePointer: RawHTMLSanitizer.Scope] = [:]
    /// The id the heading being walked gives itself (`## Setup {#install}`).
    var customHeadingID: String?
    /// The ids raw HTML gives its elements, in document order.
    var rawHTMLIDs: [String] = []
    /// Links whose two outputs' destinations differ (with `rewriteSecondLink`).
    var linkSlots = LinkSlots()
    /// Problems only the second output's link rewriting found.
    var secondDiagnostics: [Diagnostic] = []
    /// Where each heading's text is in `pieces` (see `textSections`).
    var sectionMarks: [SectionMark] = []
    /// Shortcodes' plain text, with the index in `pieces` it comes before (see `textSections`).
    var embedTexts: [EmbedText] = []

    init(
        options: MarkdownOptions, sourceMap: SourceMap, footnotes: [String: FootnoteDefinitions.Definition] = [:],
        rewriteLink: @escaping (LinkTarget) -> LinkRewrite, rewriteSecondLink: ((LinkTarget) -> LinkRewrite)? = nil,
        embed: @escaping (Embed) -> EmbedResult
    ) {
        self.options = options
        slugger.style = options.headingIDs
        self.footnoteDefinitions = footnotes
        self.sourceMap = sourceMap
        self.rewriteLink = rewriteLink
        self.rewriteSecondLink = rewriteSecondLink
        self.embed = embed
    }

    /// cmark's parse options for documents parsed during the walk.
    var parseOptions: Int32 {
        CMARK_OPT_SOURCEPOS | (options.smartPunctuation ? CMARK_OPT_SMART : 0)
    }

    /// Where `node` starts in the source: cmark's line and byte column.
    func position(of node: OpaquePointer) -> (line: Int32, byteColumn: Int32) {
        relocated[node] ?? (cmark_node_get_start_line(node), cmark_node_get_start_column(node))
    }

    /// Leaves only the language in a code block's info string, the word cmark makes its `language-` class:
    /// mdBook's `rust,ignore` would glue into one class, and `{.rust}` attributes are no language.
    func keepLanguageOnly(_ node: OpaquePointer) {
        guard let raw = cmark_node_get_fence_info(node) else { return }
        let info = String(cString: raw)
        let language = info.prefix { !($0 == " " || $0 == "\t" || $0 == "," || $0 == "{") }
        if language.count != info.count { cmark_node_set_fence_info(node, String(language)) }
    }

    /// Walks and rewrites the whole document.
    func walk(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var headingStart = 0
        var paragraphStart = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { break }
            var replacement: OpaquePointer?
            /// A node put in place of this one whose children the walk goes into next.
            var entered: OpaquePointer?
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT where isInsideRemovedHTML(node):
                    cmark_node_set_literal(node, "")
                case CMARK_NODE_TEXT:
                    // The iterator already points at the next sibling, which merging text may have freed.
                    replacement = handleText(node) ?? node
                case CMARK_NODE_CODE:
                    pieces.append(Cmark.literal(node))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    pieces.append(" ")
                case CMARK_NODE_CODE_BLOCK:
                    pieces.append(Cmark.literal(node))
                    keepLanguageOnly(node)
                    endBlock()
                case CMARK_NODE_HTML_INLINE where !options.unsafeHTML, CMARK_NODE_HTML_BLOCK where !options.unsafeHTML:
                    sanitizeRawHTML(node)
                case CMARK_NODE_ITEM:
                    taskListItem(node)
                case CMARK_NODE_BLOCK_QUOTE:
                    entered = alert(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    handleLink(node, isImage: type == CMARK_NODE_IMAGE)
                case CMARK_NODE_HEADING:
                    headingStart = pieces.count
                    customHeadingID = takeCustomID(node)
                    // A setext heading's text lines may be a table whose last row is its underline (as in GFM).
                    if cmark_node_get_end_line(node) > cmark_node_get_start_line(node), let table = pipeTable(node) {
                        entered = table
                    } else {
                        // The iterator already points at the first child, which strikethrough may have replaced.
                        Strikethrough.apply(in: node)
                        entered = node
                    }
                case CMARK_NODE_PARAGRAPH:
                    paragraphStart = pieces.count
                    replacement = blockEmbed(node)
                    if replacement == nil {
                        entered = pipeTable(node) ?? definitionList(node)
                        if entered == nil {
                            Strikethrough.apply(in: node)
                            entered = node
                        }
                    }
                case CMARK_NODE_CUSTOM_INLINE where Self.isTableCell(node):
                    pieces.append(" ")
                default:
                    break
                }
            } else {
                closeRawHTML(in: node)
                switch type {
                case CMARK_NODE_HEADING:
                    let title = pieces[headingStart...].joined().trimmingWhitespace
                    replacement = replaceHeading(node, title: title)
                    markSection(headingStart: headingStart)
                    endBlock()
                case CMARK_NODE_PARAGRAPH:
                    if firstParagraph == nil {
                        let text = pieces[paragraphStart...].joined().trimmingWhitespace
                        if !text.isEmpty { firstParagraph = text }
                    }
                    endBlock()
                case CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_CUSTOM_BLOCK:
                    endBlock()
                default:
                    break
                }
            }
            if let replacement { cmark_iter_reset(iterator, replacement, CMARK_EVENT_EXIT) }
            if let entered { cmark_iter_reset(iterator, entered, CMARK_EVENT_ENTER) }
        }
    }

    /// Whether `node` is a table's `<th>` or `<td>` (see `pipeTable`).
    static func isTableCell(_ node: OpaquePointer) -> Bool {
        guard let enter = cmark_node_get_on_enter(node) else { return false }
        return enter[0] == 0x3C && enter[1] == 0x74 && (enter[2] == 0x64 || enter[2] == 0x68) // "<td", "<th"
    }

    func endBlock() {
        if let last = pieces.last, last != "\n" { pieces.append("\n") }
    }

    /// Rewrites a link's destination; `location` is where it starts when cmark does not know (a bare URL).
    func handleLink(_ node: OpaquePointer, isImage: Bool, location: SourceLocation? = nil) {
        let destination = Cmark.url(node)
        let (line, byteColumn) = position(of: node)
        let location = location ?? sourceMap.location(line: line, byteColumn: byteColumn)
        var final = rewrite(destination, isImage: isImage, at: location)
        if !options.unsafeHTML && Cmark.isDangerousURL(final) { final = "" }
        if final != destination { cmark_node_set_url(node, final) }
    }

    /// The id a heading ends with, `{#id}` (as in Pandoc, kramdown and Hugo), taken out of its text.
    func takeCustomID(_ heading: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let (text, id) = Self.splitCustomID(Cmark.literal(last)) else { return nil }
        cmark_node_set_literal(last, text)
        slugger.reserve(id)
        return id
    }

    /// `text` without a final `{#id}`, and the id; nil when it does not end with one.
    static func splitCustomID(_ text: String) -> (text: String, id: String)? {
        var literal = Substring(text)
        while literal.last == " " { literal.removeLast() }
        guard literal.hasSuffix("}"), let open = literal.ranges(of: "{#").last else { return nil }
        let id = literal[open.upperBound..<literal.index(before: literal.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || "{}\"'<>&".contains($0) }) else { return nil }
        var rest = literal[..<open.lowerBound]
        while rest.last == " " { rest.removeLast() }
        return (String(rest), String(id))
    }

    /// `url` as `rewriteLink` wants it written; a problem it finds goes to `diagnostics` and keeps `url`.
    /// With a second output, a link whose destinations differ gets a placeholder written in `context`.
    func rewrite(_ url: String, isImage: Bool, at location: SourceLocation, context: LinkSlots.Context = .cmark) -> String {
        let link = LinkTarget(destination: url, isImage: isImage, location: location)
        let first = Self.destination(url, rewriteLink(link)) { diagnostics.append($0) }
        guard let rewriteSecondLink else { return first }
        let second = Self.destination(url, rewriteSecondLink(link)) { secondDiagnostics.append($0) }
        return linkSlots.destination(first: first, second: second, context: context)
    }

    private static func destination(_ url: String, _ rewrite: LinkRewrite, problem: (Diagnostic) -> Void) -> String {
        switch rewrite {
        case .keep: return url
        case .replace(let rewritten): return rewritten
        case .fail(let diagnostic):
            problem(diagnostic)
            return url
        }
    }

    /// Renders the heading alone, adds its id and anchor link, and puts the HTML in its place.
    private func replaceHeading(_ node: OpaquePointer, title: String) -> OpaquePointer {
        let level = Int(cmark_node_get_heading_level(node))
        let id = customHeadingID ?? slugger.uniqueID(for: title)
        customHeadingID = nil
        headings.append((level, id, title))
        let rendered = Cmark.renderHTML(node, options: CMARK_OPT_UNSAFE)
        let open = "<h\(level)>", close = "</h\(level)>"
        var inner = Substring(rendered)
        while inner.last?.isNewline == true { inner.removeLast() }
        if inner.hasPrefix(open) { inner = inner.dropFirst(open.count) }
        if inner.hasSuffix(close) { inner = inner.dropLast(close.count) }
        let space = inner.isEmpty ? "" : " "
        let html = "<h\(level) id=\"\(id)\">\(inner)\(space)<a class=\"anchor\" href=\"#\(id)\" "
            + "aria-label=\"Link to this section\">#</a></h\(level)>\n"
        let block = Cmark.node(CMARK_NODE_HTML_BLOCK, literal: html)
        Cmark.replace(node, with: block)
        return block
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
