/// Diagnostics as JSON for editors and CI (`ripple check --format json`).
package enum DiagnosticJSON {
    /// `{"errors": n, "warnings": n, "diagnostics": [{severity, file, sheet, line, column, field, message, hint}]}`,
    /// one diagnostic a line.
    package static func encode(_ diagnostics: [Diagnostic]) -> String {
        var w = JSONWriter()
        w.object(nil) { w in
            w.int("errors", diagnostics.count { $0.severity == .error })
            w.int("warnings", diagnostics.count { $0.severity == .warning })
            w.array("diagnostics") { w in
                for d in diagnostics {
                    w.object(nil, inline: true) { w in
                        w.string("severity", d.severity.rawValue)
                        if let location = d.location {
                            w.string("file", location.file)
                            if let sheet = location.sheet { w.string("sheet", sheet) }
                            if let line = location.line { w.int("line", line) }
                            if let column = location.column { w.int("column", column) }
                            if let field = location.field { w.string("field", field) }
                        }
                        w.string("message", d.message)
                        if let hint = d.hint { w.string("hint", hint) }
                    }
                }
            }
        }
        return w.text
    }
}
