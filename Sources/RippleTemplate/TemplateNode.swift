import RippleCore

/// One step of a compiled template. Rendering walks these arrays; everything that can be
/// decided at compile time (names split into paths, partials resolved to indexes, standalone
/// lines removed, line starts located) already has been.
indirect enum TemplateNode: Sendable {
    /// Literal text; `lineStarts` are the places where an indented partial adds its indentation.
    case text(String, lineStarts: [String.Index])
    /// Emit the current indentation: a line of the template starts with the following tag.
    case indent
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplatePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplatePath, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplatePath, [TemplateNode])
    /// `{{>name}}`; `indentation` is set when the tag stands alone on its line.
    case partial(TemplateReference, indentation: String?)
    /// `{{<name}}…{{/name}}` with the blocks it overrides.
    case parent(TemplateReference, arguments: [String: [TemplateNode]], indentation: String?)
    /// `{{$name}}default{{/name}}`: a place a child template may fill.
    case block(String, defaults: [TemplateNode], layout: TemplateToken.BlockLayout)
}

/// A dotted name split into keys; empty for the implicit iterator `.`.
struct TemplatePath: Sendable {
    var keys: [String]

    init(_ name: String) {
        keys = name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The template a partial or parent tag names.
struct TemplateReference: Sendable {
    enum Target: Sendable {
        /// A fixed name, resolved at compile time to an index into the library (`nil`: missing).
        case fixed(String, index: Int?)
        /// `{{>*name}}`: the template name is read from the context when rendering.
        case dynamic(TemplatePath)
    }

    var target: Target
    /// Where the tag is, for "not found" errors.
    var location: SourceLocation
    /// The folder templates live in (`templates/`), for the hint of a "not found" error.
    var folder: String
}
