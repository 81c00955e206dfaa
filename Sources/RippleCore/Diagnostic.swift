/// A problem found in the user's input, with where it is and what to do about it.
///
/// Every stage returns diagnostics as values; only the CLI prints them.
package struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// How bad the problem is.
    package enum Severity: String, Sendable, Comparable {
        case note, warning, error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How bad the problem is.
    package var severity: Severity
    /// What is wrong, in one sentence a program manager can read.
    package var message: String
    /// Where it is; `nil` only for problems that belong to no file.
    package var location: SourceLocation?
    /// What to do about it.
    package var hint: String?

    /// Creates a diagnostic.
    package init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// An error diagnostic.
    package static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    /// A warning diagnostic.
    package static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// Compiler-style text: `file:line:col: error: field 'x': message` and, on a second line, the hint.
    package var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): "
        if let field = location?.field { text += "field '\(field)': " }
        text += message
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// A set of diagnostics thrown when a stage cannot produce its result.
package struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic found, errors and warnings, in source order.
    package var diagnostics: [Diagnostic]

    /// Wraps diagnostics into an error.
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Wraps a single diagnostic.
    package init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    package var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, keeping the order of diagnostics at the same place.
    package var sortedByLocation: [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
