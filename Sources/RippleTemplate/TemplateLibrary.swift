import RippleCore

/// A compiled set of templates.
///
/// Every source is parsed once, in `init`; rendering then only walks the compiled nodes. The
/// library is an immutable value, safe to share between threads.
package struct TemplateLibrary: Sendable {
    let templates: [CompiledTemplate]
    let indexByName: [String: Int]
    /// The output size to reserve when rendering each template (its text and the partials it may use).
    let estimatedSizes: [Int]
    let strict: Bool
    /// Where template files live (`templates/`), for hints about missing templates.
    let folder: String

    /// Parses and compiles every source, reporting all syntax errors together.
    ///
    /// - Parameter strict: when `true`, a partial or parent naming a missing template is an error
    ///   at render time; when `false`, it renders as nothing (as the Mustache spec says).
    /// - Throws: the syntax errors (unclosed or mismatched sections, unclosed tags, bad
    ///   delimiter changes, empty tags, duplicate names), each located in its template file.
    package init(sources: [TemplateSource], strict: Bool = true) throws(DiagnosticError) {
        let sorted = sources.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
        var diagnostics: [Diagnostic] = []
        var indexByName: [String: Int] = [:]
        var unique: [TemplateSource] = []
        for source in sorted {
            if let existing = indexByName[source.name] {
                diagnostics.append(.error(
                    "template '\(source.name)' is defined twice", at: SourceLocation(file: source.path),
                    hint: "rename or remove either \(source.path) or \(unique[existing].path)"))
                continue
            }
            indexByName[source.name] = unique.count
            unique.append(source)
        }

        var templates: [CompiledTemplate] = []
        templates.reserveCapacity(unique.count)
        for source in unique {
            let folder = Self.folder(of: source)
            var lexer = TemplateLexer(text: source.text, path: source.path)
            lexer.run()
            diagnostics += lexer.diagnostics
            var parser = TemplateParser(lexer: lexer, folder: folder, indexByName: indexByName)
            let nodes = parser.parse()
            diagnostics += parser.diagnostics
            templates.append(CompiledTemplate(
                name: source.name, path: source.path, nodes: nodes,
                references: parser.references, textSize: source.text.utf8.count))
        }
        guard !diagnostics.hasErrors else { throw DiagnosticError(diagnostics.sortedByLocation) }
        self.templates = templates
        self.indexByName = indexByName
        estimatedSizes = templates.map { template in
            let size = Self.dependencies(of: template.name, templates: templates, indexByName: indexByName)
                .reduce(template.textSize) { $0 + (indexByName[$1].map { templates[$0].textSize } ?? 0) }
            return max(1024, size + size / 2)
        }
        self.strict = strict
        self.folder = unique.first.map(Self.folder(of:)) ?? "templates/"
    }

    /// Renders the template called `name` with `context` as its data; `reserving` is the output size the caller
    /// expects, when it is larger than the template's own (a page of every chapter of a guide).
    ///
    /// - Throws: `template 'x' not found` (without location) when there is no such template;
    ///   in strict mode also when a partial or parent it uses is missing (located at the tag).
    package func render(_ name: String, context: TemplateValue, reserving: Int = 0) throws(DiagnosticError) -> String {
        guard let index = indexByName[name] else {
            throw DiagnosticError(.error("template '\(name)' not found", hint: "create \(folder)\(name).mustache"))
        }
        var renderer = TemplateRenderer(library: self, context: context, capacity: max(estimatedSizes[index], reserving))
        try renderer.render(templates[index].nodes, indent: "")
        return renderer.output
    }

    /// Whether a template called `name` exists.
    package func contains(_ name: String) -> Bool {
        indexByName[name] != nil
    }

    /// The names of all templates, sorted.
    package var names: [String] {
        templates.map(\.name)
    }

    /// The partials and parents `name` uses, directly or through other templates, by fixed name
    /// (dynamic `{{>*name}}` tags are not included). Missing templates are included, so a build
    /// can notice when they appear; `name` itself is not.
    package func dependencies(of name: String) -> Set<String> {
        Self.dependencies(of: name, templates: templates, indexByName: indexByName)
    }

    private static func dependencies(of name: String, templates: [CompiledTemplate], indexByName: [String: Int]) -> Set<String> {
        var found: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard let index = indexByName[next] else { continue }
            for reference in templates[index].references where !found.contains(reference) {
                found.insert(reference)
                pending.append(reference)
            }
        }
        found.remove(name)
        return found
    }

    /// `templates/` for a source named `partials/nav` at `templates/partials/nav.mustache`.
    private static func folder(of source: TemplateSource) -> String {
        let suffix = source.name + ".mustache"
        if source.path.hasSuffix(suffix) { return String(source.path.dropLast(suffix.count)) }
        return "templates/"
    }
}
