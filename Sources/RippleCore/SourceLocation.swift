/// Where a diagnostic points: a file relative to the site folder, and optionally a line,
/// a column and (for tabular data) a field name.
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path relative to the site's source folder, with `/` separators (`content/guide/01-why.md`).
    package var file: String
    /// 1-based line (for CSV: the physical line the record starts on; the header is line 1).
    package var line: Int?
    /// 1-based column, counted in Unicode scalars.
    package var column: Int?
    /// The field (column name) of a data table, when the problem is in one field.
    package var field: String?

    /// Creates a location.
    package init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
    }

    /// `file:line:column`, leaving out what is unknown.
    package var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
