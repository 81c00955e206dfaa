import RippleCore

/// Renders compiled templates into one string. One renderer serves one `render` call.
struct TemplateRenderer {
    /// Partials nested deeper than this are reported instead of overflowing the stack.
    static let maximumDepth = 200

    let templates: [CompiledTemplate]
    let indexByName: [String: Int]
    let strict: Bool
    var output = ""
    /// The context stack; the innermost context is last.
    var stack: [TemplateValue]
    /// Block overrides of the parents being expanded; the outermost (which wins) is first.
    var overrides: [[String: [TemplateNode]]] = []
    /// Output length at which indentation is not written (see `TemplateToken.BlockLayout.inline`).
    var suppressIndentAt = -1
    var depth = 0

    init(library: TemplateLibrary, context: TemplateValue, capacity: Int) {
        templates = library.templates
        indexByName = library.indexByName
        strict = library.strict
        stack = [context]
        stack.reserveCapacity(16)
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode], indent: String) throws(DiagnosticError) {
        for node in nodes {
            switch node {
            case .text(let text, let lineStarts):
                if indent.isEmpty || lineStarts.isEmpty {
                    output.append(text)
                } else {
                    var previous = text.startIndex
                    for start in lineStarts {
                        output.append(contentsOf: text[previous..<start])
                        writeIndent(indent)
                        previous = start
                    }
                    output.append(contentsOf: text[previous...])
                }
            case .indent:
                writeIndent(indent)
            case .variable(let path, let escaped):
                guard let value = resolve(path) else { continue }
                switch value {
                case .string(let text):
                    if escaped { HTMLEscaper.append(text, to: &output) } else { output.append(text) }
                case .null, .list, .object:
                    continue
                default:
                    if escaped { HTMLEscaper.append(value.renderedText, to: &output) } else { output.append(value.renderedText) }
                }
            case .section(let path, let children):
                guard let value = resolve(path), value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        try render(children, indent: indent)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    try render(children, indent: indent)
                    stack.removeLast()
                }
            case .inverted(let path, let children):
                if resolve(path)?.isTruthy ?? false { continue }
                try render(children, indent: indent)
            case .partial(let reference, let indentation):
                guard let index = try target(of: reference) else { continue }
                try enter(reference)
                try render(templates[index].nodes, indent: indentation.map { indent + $0 } ?? "")
                depth -= 1
            case .parent(let reference, let arguments, let indentation):
                guard let index = try target(of: reference) else { continue }
                try enter(reference)
                overrides.append(arguments)
                try render(templates[index].nodes, indent: indentation.map { indent + $0 } ?? "")
                overrides.removeLast()
                depth -= 1
            case .block(let name, let defaults, let layout):
                try renderBlock(name, defaults: defaults, layout: layout, indent: indent)
            }
        }
    }

    private mutating func renderBlock(
        _ name: String, defaults: [TemplateNode], layout: TemplateToken.BlockLayout, indent: String
    ) throws(DiagnosticError) {
        guard let level = overrides.firstIndex(where: { $0[name] != nil }), let content = overrides[level][name] else {
            if case .intrinsic(let extra) = layout {
                try render(defaults, indent: indent + extra)
            } else {
                try render(defaults, indent: indent)
            }
            return
        }
        // The replacing content sees only the overrides from outside its own parent, so a block
        // of the same name inside it renders its default instead of itself.
        let saved = overrides
        overrides.removeSubrange(level...)
        switch layout {
        case .plain:
            try render(content, indent: indent)
        case .intrinsic(let extra):
            try render(content, indent: indent + extra)
        case .inline(let extra):
            let savedSuppress = suppressIndentAt
            suppressIndentAt = output.utf8.count
            try render(content, indent: indent + extra)
            suppressIndentAt = savedSuppress
        }
        overrides = saved
    }

    private mutating func writeIndent(_ indent: String) {
        if !indent.isEmpty, output.utf8.count != suppressIndentAt { output.append(indent) }
    }

    /// Looks a dotted name up: the first key through the context stack, the rest inside it.
    private func resolve(_ path: TemplatePath) -> TemplateValue? {
        guard let first = path.keys.first else { return stack.last }
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let fields) = stack[index], let value = fields[first] {
                found = value
                break
            }
            index -= 1
        }
        guard var value = found else { return nil }
        for key in path.keys.dropFirst() {
            guard case .object(let fields) = value, let next = fields[key] else { return nil }
            value = next
        }
        return value
    }

    private func target(of reference: TemplateReference) throws(DiagnosticError) -> Int? {
        let name: String
        switch reference.target {
        case .fixed(let fixed, let index):
            if let index { return index }
            name = fixed
        case .dynamic(let path):
            guard case .string(let dynamic)? = resolve(path) else { return nil }
            if let index = indexByName[dynamic] { return index }
            name = dynamic
        }
        guard strict else { return nil }
        throw DiagnosticError(.error(
            "template '\(name)' not found", at: reference.location,
            hint: "create \(reference.folder)\(name).mustache"))
    }

    private mutating func enter(_ reference: TemplateReference) throws(DiagnosticError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw DiagnosticError(.error(
                "templates include each other more than \(Self.maximumDepth) levels deep", at: reference.location,
                hint: "check for a partial that includes itself (directly or through others) without a section that ends the repetition"))
        }
    }
}
