/// Diagnostics as JSON for editors and CI (`ripple check --format json`).
package enum DiagnosticJSON {
    /// `{"errors": n, "warnings": n, "diagnostics": [{severity, file, sheet, line, column, field, message, hint}]}`.
    package static func encode(_ diagnostics: [Diagnostic]) -> String {
        var out = "{\n  \"errors\": \(diagnostics.count { $0.severity == .error }),\n"
        out += "  \"warnings\": \(diagnostics.count { $0.severity == .warning }),\n  \"diagnostics\": ["
        for (i, d) in diagnostics.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            var fields = ["\"severity\": \(quote(d.severity.rawValue))"]
            if let location = d.location {
                fields.append("\"file\": \(quote(location.file))")
                if let sheet = location.sheet { fields.append("\"sheet\": \(quote(sheet))") }
                if let line = location.line { fields.append("\"line\": \(line)") }
                if let column = location.column { fields.append("\"column\": \(column)") }
                if let field = location.field { fields.append("\"field\": \(quote(field))") }
            }
            fields.append("\"message\": \(quote(d.message))")
            if let hint = d.hint { fields.append("\"hint\": \(quote(hint))") }
            out += "    {" + fields.joined(separator: ", ") + "}"
        }
        out += diagnostics.isEmpty ? "]\n}" : "\n  ]\n}"
        return out
    }

    /// A JSON string literal.
    package static func quote(_ text: String) -> String { Escape.json(text) }
}
