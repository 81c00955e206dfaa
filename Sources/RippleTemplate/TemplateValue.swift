/// A value a template can read.
///
/// Pages, dashboards and reports hand their view models to templates as trees of these values.
package enum TemplateValue: Sendable, Hashable {
    /// No value; renders as nothing and counts as false in sections.
    case null
    /// A truth value; `false` hides a section.
    case bool(Bool)
    /// A whole number.
    case int(Int)
    /// A decimal number; whole numbers render without a trailing `.0`.
    case double(Double)
    /// Text; escaped by `{{name}}`, inserted as-is by `{{{name}}}`.
    case string(String)
    /// A list; a section repeats once per element, and an empty list counts as false.
    case list([TemplateValue])
    /// Named values, read with `{{key}}` and dotted names `{{a.b}}`.
    case object([String: TemplateValue])

    /// The value stored under `key` when this is an object, else `nil`.
    package subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// Whether a section shows its content: everything except `null`, `false` and the empty list.
    ///
    /// The empty string, `0` and the empty object are truthy, as the Mustache spec requires.
    package var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .list(let items): return !items.isEmpty
        case .int, .double, .string, .object: return true
        }
    }

    /// The text an interpolation tag writes for this value (before HTML escaping).
    ///
    /// Lists and objects have no text form and render as nothing.
    package var renderedText: String {
        switch self {
        case .null, .list, .object: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .string(let value): return value
        case .double(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                return String(Int(value))
            }
            return String(value)
        }
    }
}
