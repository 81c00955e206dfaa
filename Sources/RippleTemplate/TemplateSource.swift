/// One template file.
package struct TemplateSource: Sendable {
    /// How tags refer to it, e.g. `layouts/page` or `partials/header`.
    package var name: String
    /// Where it lives, for error messages, e.g. `templates/partials/header.mustache`.
    package var path: String
    /// The Mustache text.
    package var text: String

    /// Creates a template source.
    package init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}
