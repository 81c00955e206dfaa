import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// GFM strikethrough: text between matching runs of one or two tildes (`~~gone~~`, `~gone~`) becomes `<del>`.
///
/// Runs follow the flanking rules of emphasis: an opener is left-flanking, a closer right-flanking, and a closer
/// matches the nearest open run of the same length among the same parent's children. Runs of three or more
/// tildes stay text. A neighbour that is not text (a code span, a link) counts as punctuation.
enum Strikethrough {
    /// Applies strikethrough to the inline children of `container` and of the inline nodes inside it.
    static func apply(in container: OpaquePointer) {
        guard mayContainTilde(container) else { return }
        // Collected first, then changed; a loop, not recursion, so deeply nested emphasis cannot exhaust a stack.
        let parents = Cmark.subtree(container).filter { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_CUSTOM_INLINE: true
            default: node == container
            }
        }
        for parent in parents { match(splitRuns(in: parent)) }
    }

    private struct Run {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// Whether any text under `container` has a tilde; stops at the first (most paragraphs have none).
    private static func mayContainTilde(_ container: OpaquePointer) -> Bool {
        guard let iterator = cmark_iter_new(container) else { return false }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT,
               let literal = cmark_node_get_literal(node), strchr(literal, 0x7E) != nil {
                return true
            }
        }
        return false
    }

    /// Puts every tilde run of one or two tildes among the text children into a text node of its own.
    private static func splitRuns(in container: OpaquePointer) -> [Run] {
        var runs: [Run] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { continue }
            let scalars = Array(Cmark.literal(node).unicodeScalars)
            guard scalars.contains("~") else { continue }
            let before = neighbour(cmark_node_previous(node), last: true)
            let after = neighbour(cmark_node_next(node), last: false)
            var pieces: [(text: [Unicode.Scalar], run: Run?)] = []
            var index = 0, textStart = 0
            while index < scalars.count {
                guard scalars[index] == "~" else { index += 1; continue }
                var end = index
                while end < scalars.count, scalars[end] == "~" { end += 1 }
                if end - index <= 2 {
                    let previous = index > 0 ? scalars[index - 1] : before
                    let next = end < scalars.count ? scalars[end] : after
                    let (open, close) = flanking(previous: previous, next: next)
                    if open || close {
                        if textStart < index { pieces.append((Array(scalars[textStart..<index]), nil)) }
                        pieces.append((Array(scalars[index..<end]), Run(node: node, length: end - index, canOpen: open, canClose: close)))
                        textStart = end
                    }
                }
                index = end
            }
            guard pieces.contains(where: { $0.run != nil }) else { continue }
            if textStart < scalars.count { pieces.append((Array(scalars[textStart...]), nil)) }
            var previous = node
            for piece in pieces {
                let new = Cmark.node(CMARK_NODE_TEXT, literal: String(String.UnicodeScalarView(piece.text)))
                cmark_node_insert_after(previous, new)
                previous = new
                if var run = piece.run {
                    run.node = new
                    runs.append(run)
                }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return runs
    }

    /// Pairs closers with openers and wraps what is between each pair in `<del>`.
    private static func match(_ runs: [Run]) {
        var openers: [Run] = []
        for run in runs {
            if run.canClose, let index = openers.lastIndex(where: { $0.length == run.length }) {
                let opener = openers[index]
                openers.removeSubrange(index...)
                let del = Cmark.custom(CMARK_NODE_CUSTOM_INLINE, enter: "<del>", exit: "</del>")
                cmark_node_insert_before(opener.node, del)
                while let inside = cmark_node_next(del), inside != run.node {
                    cmark_node_unlink(inside)
                    cmark_node_append_child(del, inside)
                }
                for delimiter in [opener.node, run.node] {
                    cmark_node_unlink(delimiter)
                    cmark_node_free(delimiter)
                }
            } else if run.canOpen {
                openers.append(run)
            }
        }
    }

    /// The scalar next to a text node: whitespace at the edges and line breaks, punctuation for other inlines.
    private static func neighbour(_ node: OpaquePointer?, last: Bool) -> Unicode.Scalar {
        guard let node else { return " " }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            let scalars = Cmark.literal(node).unicodeScalars
            return (last ? scalars.last : scalars.first) ?? " "
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return " "
        default: return "!"
        }
    }

    private static func flanking(previous: Unicode.Scalar, next: Unicode.Scalar) -> (open: Bool, close: Bool) {
        let left = !isWhitespace(next) && (!isPunctuation(next) || isWhitespace(previous) || isPunctuation(previous))
        let right = !isWhitespace(previous) && (!isPunctuation(previous) || isWhitespace(next) || isPunctuation(next))
        return (left, right)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator || ["\t", "\n", "\r", "\u{0C}"].contains(scalar)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
            || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation, .initialPunctuation,
             .otherPunctuation, .openPunctuation: return true
        default: return false
        }
    }
}
