import CCmark
import RippleCore

/// Text nodes: merging, plain text and shortcodes.
extension DocumentWalker {
    /// Where a merged piece of text came from: its first scalar's offset in the merged text and its cmark position.
    struct Segment {
        var scalarStart: Int
        var line: Int32
        var byteColumn: Int32
    }

    /// A piece of a text node that becomes something else.
    struct TextSpan {
        enum Kind {
            case shortcode(Shortcode)
            case footnote(label: String)
            case autolink(url: String)
        }
        var range: Range<Int>
        var kind: Kind
    }

    /// Handles a text node on enter: shortcodes, footnote references and bare URLs in it are replaced.
    /// Returns the last node put in its place, if it was replaced.
    func handleText(_ node: OpaquePointer) -> OpaquePointer? {
        let (literal, segments) = mergeFollowingText(node)
        let mayHaveShortcodes = cmark_node_parent(node) != shortcodesDone && ShortcodeScanner.mayContainShortcode(literal)
        let mayHaveFootnotes = !footnoteDefinitions.isEmpty && ByteSearch.contains("[^", in: literal)
        let mayHaveLinks = ExtendedAutolink.mayContain(literal)
        // Footnote references and bare URLs inside a link's text would put a link in a link.
        let linkable = (mayHaveFootnotes || mayHaveLinks) && !isInsideLink(node)
        guard mayHaveShortcodes || linkable else {
            pieces.append(literal)
            return nil
        }
        let scalars = Array(literal.unicodeScalars)
        var spans: [TextSpan] = []
        if mayHaveShortcodes {
            let scanner = ShortcodeScanner(scalars)
            for problem in scanner.problems {
                diagnostics.append(.error(
                    problem.message, at: location(of: problem.offset, in: segments), hint: problem.hint))
            }
            spans = scanner.shortcodes.map { TextSpan(range: $0.range, kind: .shortcode($0)) }
        }
        if linkable {
            var gapStart = 0
            for shortcode in spans.map(\.range) + [scalars.count..<scalars.count] {
                let gap = gapStart..<max(gapStart, shortcode.lowerBound)
                var found = mayHaveFootnotes ? footnoteReferences(in: scalars, range: gap) : []
                if mayHaveLinks {
                    for link in ExtendedAutolink.find(in: scalars, range: gap)
                    where !found.contains(where: { $0.range.overlaps(link.range) }) {
                        found.append(TextSpan(range: link.range, kind: .autolink(url: link.url)))
                    }
                }
                spans += found
                gapStart = shortcode.upperBound
            }
            spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return replaceSpans(node, scalars: scalars, spans: spans, segments: segments)
    }

    private func isInsideLink(_ node: OpaquePointer) -> Bool {
        var ancestor = cmark_node_parent(node)
        while let current = ancestor {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            ancestor = cmark_node_parent(current)
        }
        return false
    }

    /// Joins the text siblings after `node` into it, so a shortcode split by cmark is one string again.
    /// Inline HTML right after `{{` is taken too: cmark reads `{{<metric x>}}` as a tag.
    private func mergeFollowingText(_ node: OpaquePointer) -> (String, [Segment]) {
        var literal = Cmark.literal(node)
        let (line, byteColumn) = position(of: node)
        var segments = [Segment(scalarStart: 0, line: line, byteColumn: byteColumn)]
        // Scalar offsets are only needed when pieces are joined (counting them is a pass over the text).
        var scalarCount: Int?
        while let next = cmark_node_next(node) {
            let type = cmark_node_get_type(next)
            guard type == CMARK_NODE_TEXT || (type == CMARK_NODE_HTML_INLINE && literal.hasSuffix("{{")) else { break }
            let text = Cmark.literal(next)
            let start = scalarCount ?? literal.unicodeScalars.count
            let (line, byteColumn) = position(of: next)
            segments.append(Segment(scalarStart: start, line: line, byteColumn: byteColumn))
            literal += text
            scalarCount = start + text.unicodeScalars.count
            cmark_node_free(next)
        }
        if scalarCount != nil { cmark_node_set_literal(node, literal) }
        return (literal, segments)
    }

    private func location(of offset: Int, in segments: [Segment]) -> SourceLocation {
        let segment = segments.last { $0.scalarStart <= offset } ?? segments[0]
        return sourceMap.location(
            line: segment.line, byteColumn: segment.byteColumn, scalarOffset: offset - segment.scalarStart)
    }

    private func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// A one-line paragraph that is exactly one shortcode is replaced, as a whole, by the shortcode's HTML.
    ///
    /// It is read from the source as written, so Markdown marks in its values (`title="*Q1* totals"`)
    /// and straight quotes survive. Returns the replacement, or `nil` when the paragraph is not a block
    /// shortcode or the embed failed (then its text stays and is not tried again).
    func blockEmbed(_ paragraph: OpaquePointer) -> OpaquePointer? {
        // A block shortcode's paragraph starts with text "{{" (cmark strips the line's indentation); checking the
        // C string first keeps ordinary paragraphs from being looked at again in the source.
        // Not in text parsed on its own (a footnote): its lines are not the source's lines.
        guard relocated[paragraph] == nil,
              let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first), Self.startsWithBraces(literal) else { return nil }
        let line = cmark_node_get_start_line(paragraph), column = cmark_node_get_start_column(paragraph)
        guard line == cmark_node_get_end_line(paragraph),
              sourceMap.contains(shortcodeOpener, line: line, fromByteColumn: column,
                                 toByteColumn: cmark_node_get_end_column(paragraph)) else { return nil }
        let scalars = sourceMap.scalars(
            line: line, fromByteColumn: column, toByteColumn: cmark_node_get_end_column(paragraph))
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              scalars[first...].starts(with: ["{", "{", "<"]) else { return nil }
        let scanner = ShortcodeScanner(scalars)
        guard scanner.shortcodes.count == 1, scanner.problems.isEmpty else { return nil }
        let shortcode = scanner.shortcodes[0]
        guard shortcode.range.lowerBound == first,
              scalars[shortcode.range.upperBound...].allSatisfy(\.properties.isWhitespace) else { return nil }
        let request = Embed(
            name: shortcode.name, arguments: shortcode.arguments, isBlock: true,
            location: sourceMap.location(line: line, byteColumn: column, scalarOffset: first))
        switch embed(request) {
        case .html(var html, let text):
            addEmbedText(text, isBlock: true)
            if !html.hasSuffix("\n") { html += "\n" }
            let block = Cmark.node(CMARK_NODE_HTML_BLOCK, literal: html)
            Cmark.replace(paragraph, with: block)
            return block
        case .fail(let diagnostic):
            diagnostics.append(diagnostic)
            shortcodesDone = paragraph
            return nil
        }
    }

    private var shortcodeOpener: [UInt8] { Array("{{<".utf8) }

    /// Whether a C string starts, after spaces and tabs, with "{{".
    private static func startsWithBraces(_ text: UnsafePointer<CChar>) -> Bool {
        var index = 0
        while text[index] == 0x20 || text[index] == 0x09 { index += 1 }
        return text[index] == 0x7B && text[index + 1] == 0x7B
    }

    /// Replaces each span of the text by its node: a shortcode's HTML, a footnote reference, a link.
    /// Shortcodes that fail stay as text.
    func replaceSpans(
        _ node: OpaquePointer, scalars: [Unicode.Scalar], spans: [TextSpan], segments: [Segment]
    ) -> OpaquePointer? {
        var newNodes: [OpaquePointer] = []
        var pending = ""
        var position = 0
        func flush() {
            if !pending.isEmpty { newNodes.append(Cmark.node(CMARK_NODE_TEXT, literal: pending)) }
            pieces.append(pending)
            pending = ""
        }
        for span in spans {
            pending += text(scalars[position..<span.range.lowerBound])
            position = span.range.upperBound
            let location = location(of: span.range.lowerBound, in: segments)
            switch span.kind {
            case .shortcode(let shortcode):
                let request = Embed(
                    name: shortcode.name, arguments: shortcode.arguments, isBlock: false, location: location)
                switch embed(request) {
                case .html(let html, let text):
                    flush()
                    addEmbedText(text, isBlock: false)
                    newNodes.append(Cmark.node(CMARK_NODE_HTML_INLINE, literal: html))
                case .fail(let diagnostic):
                    diagnostics.append(diagnostic)
                    pending += text(scalars[span.range])
                }
            case .footnote(let label):
                flush()
                newNodes.append(Cmark.node(CMARK_NODE_HTML_INLINE, literal: footnoteReference(label)))
            case .autolink(let url):
                flush()
                let label = text(scalars[span.range])
                let link = Cmark.newNode(CMARK_NODE_LINK)
                cmark_node_set_url(link, url)
                cmark_node_append_child(link, Cmark.node(CMARK_NODE_TEXT, literal: label))
                handleLink(link, isImage: false, location: location)
                pieces.append(label)
                newNodes.append(link)
            }
        }
        pending += text(scalars[position...])
        pieces.append(pending)
        guard !newNodes.isEmpty else { return nil }
        if !pending.isEmpty { newNodes.append(Cmark.node(CMARK_NODE_TEXT, literal: pending)) }
        var previous = node
        for new in newNodes {
            cmark_node_insert_after(previous, new)
            previous = new
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
        return previous
    }
}
