import RippleCore

/// Turns one template's tokens into nodes: matches open and close tags, applies the
/// whitespace rules (see `TemplateParser+Whitespace.swift`) and builds the node tree.
struct TemplateParser {
    var tokens: [TemplateToken]
    let bytes: [UInt8]
    let path: String
    let folder: String
    let indexByName: [String: Int]
    private(set) var diagnostics: [Diagnostic] = []
    /// Names of partials and parents the template refers to by a fixed name.
    private(set) var references: Set<String> = []
    /// Blocks written directly inside a parent tag (arguments), as opposed to overridable ones.
    var argumentBlocks: Set<Int> = []

    init(lexer: TemplateLexer, folder: String, indexByName: [String: Int]) {
        self.tokens = lexer.tokens
        self.bytes = lexer.bytes
        self.path = lexer.path
        self.folder = folder
        self.indexByName = indexByName
    }

    /// Runs all passes and returns the template's nodes.
    mutating func parse() -> [TemplateNode] {
        matchAndDedent()
        removeStandaloneLines()
        markLineStarts()
        return buildNodes()
    }

    // MARK: - Tag matching

    /// Reports an element (section, block, parent) that is never closed.
    mutating func reportUnclosed(_ index: Int) {
        let token = tokens[index]
        let what: String
        switch token.kind {
        case .parent: what = "parent template"
        case .block: what = "block"
        default: what = "section"
        }
        diagnostics.append(.error(
            "\(what) '\(token.name)' is never closed", at: location(of: index),
            hint: "add \(token.openDelimiter)/\(token.name)\(token.closeDelimiter) where the \(what == "parent template" ? "parent" : what) should end"))
    }

    /// Reports `{{/b}}` while `{{#a}}` is the innermost open element.
    mutating func reportMismatch(close: Int, open: Int) {
        let closing = tokens[close], opening = tokens[open]
        let o = closing.openDelimiter, c = closing.closeDelimiter
        diagnostics.append(.error(
            "closing tag '\(o)/\(closing.name)\(c)' does not match the open section '\(opening.name)' (line \(opening.line))",
            at: location(of: close),
            hint: "change it to \(o)/\(opening.name)\(c), or close '\(opening.name)' before it"))
    }

    /// Reports `{{/b}}` with nothing open.
    mutating func reportStrayClose(_ index: Int) {
        let token = tokens[index]
        let o = token.openDelimiter, c = token.closeDelimiter
        diagnostics.append(.error(
            "closing tag '\(o)/\(token.name)\(c)' has no opening tag", at: location(of: index),
            hint: "remove it, or add \(o)#\(token.name)\(c) where the section should start"))
    }

    func location(of index: Int) -> SourceLocation {
        SourceLocation(file: path, line: tokens[index].line, column: tokens[index].column)
    }

    // MARK: - Building nodes

    private struct Frame {
        var open: Int
        var nodes: [TemplateNode] = []
        var arguments: [String: [TemplateNode]] = [:]
        /// Inside a parent tag only blocks count; other content is skipped.
        var ignored: Bool
    }

    private mutating func buildNodes() -> [TemplateNode] {
        var frames = [Frame(open: -1, ignored: false)]
        var text: [UInt8] = []
        var lineStarts: [Int] = []

        func flush(_ frames: inout [Frame]) {
            guard !text.isEmpty else { return }
            let string = String(decoding: text, as: UTF8.self)
            let utf8 = string.utf8
            let indexes = lineStarts.map { utf8.index(utf8.startIndex, offsetBy: $0) }
            frames[frames.count - 1].nodes.append(.text(string, lineStarts: indexes))
            text.removeAll(keepingCapacity: true)
            lineStarts.removeAll(keepingCapacity: true)
        }

        for index in tokens.indices {
            let token = tokens[index]
            if token.removed { continue }
            let top = frames[frames.count - 1]
            let insideParent = top.open >= 0 && tokens[top.open].kind == .parent
            let skipping = top.ignored || insideParent

            switch token.kind {
            case .text:
                if skipping || token.start >= token.end { continue }
                if token.lineStart { lineStarts.append(text.count) }
                text.append(contentsOf: bytes[token.start..<token.end])
                continue
            case .section, .inverted, .parent, .block:
                guard token.partner != nil else { continue }
                flush(&frames)
                if token.lineStart && !skipping { frames[frames.count - 1].nodes.append(.indent) }
                let argument = insideParent && !top.ignored && token.kind == .block
                frames.append(Frame(open: index, ignored: skipping && !argument))
                continue
            case .close:
                guard let open = token.partner else { continue }
                flush(&frames)
                if token.lineStart && !skipping { frames[frames.count - 1].nodes.append(.indent) }
                let frame = frames.removeLast()
                assert(frame.open == open, "tag matching out of sync")
                if frame.ignored { continue }
                let opening = tokens[open]
                let node: TemplateNode
                switch opening.kind {
                case .section: node = .section(TemplatePath(opening.name), frame.nodes)
                case .inverted: node = .inverted(TemplatePath(opening.name), frame.nodes)
                case .parent:
                    node = .parent(reference(open), arguments: frame.arguments,
                                   indentation: opening.standalone ? opening.indentation : nil)
                default:
                    let parentFrame = frames[frames.count - 1]
                    if parentFrame.open >= 0, tokens[parentFrame.open].kind == .parent {
                        if frames[frames.count - 1].arguments[opening.name] == nil {
                            frames[frames.count - 1].arguments[opening.name] = frame.nodes
                        }
                        continue
                    }
                    node = .block(opening.name, defaults: frame.nodes, layout: opening.blockLayout)
                }
                frames[frames.count - 1].nodes.append(node)
                continue
            case .variable, .unescaped, .partial, .comment, .delimiters:
                if skipping { continue }
                flush(&frames)
                if token.lineStart { frames[frames.count - 1].nodes.append(.indent) }
                switch token.kind {
                case .variable: frames[frames.count - 1].nodes.append(.variable(TemplatePath(token.name), escaped: true))
                case .unescaped: frames[frames.count - 1].nodes.append(.variable(TemplatePath(token.name), escaped: false))
                case .partial:
                    frames[frames.count - 1].nodes.append(
                        .partial(reference(index), indentation: token.standalone ? token.indentation : nil))
                default: break
                }
            }
        }
        flush(&frames)
        return frames[0].nodes
    }

    private mutating func reference(_ index: Int) -> TemplateReference {
        let name = tokens[index].name
        let target: TemplateReference.Target
        if name.hasPrefix("*") {
            target = .dynamic(TemplatePath(String(name.dropFirst()).trimmingWhitespace))
        } else {
            references.insert(name)
            target = .fixed(name, index: indexByName[name])
        }
        return TemplateReference(target: target, location: location(of: index), folder: folder)
    }
}
