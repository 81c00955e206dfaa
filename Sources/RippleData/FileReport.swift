import RippleCore

/// Collects the diagnostics of one data file, keeping at most `limit` so that a broken export
/// does not flood the terminal; the rest are only counted.
final class FileReport {
    /// The file every diagnostic points into.
    let file: String
    /// How many diagnostics are kept before the rest are only counted.
    let limit: Int
    /// The table the file holds.
    let table: String
    /// The sheet, when the file is a workbook: a field's column is then told as the cell's column.
    let sheet: String?
    private(set) var kept: [Diagnostic] = []
    private(set) var dropped = 0
    private(set) var errorCount = 0

    init(file: String, table: String = "", sheet: String? = nil, limit: Int = 50) {
        self.file = file
        self.table = table
        self.sheet = sheet
        self.limit = limit
    }

    /// Whether any error (kept or dropped) was reported.
    var hasErrors: Bool { errorCount > 0 }

    /// Records a diagnostic at a row (and field) of this file. `cell` is the field's 0-based column in the
    /// table, which locates it in a sheet (CSV locations keep the text column).
    func add(_ severity: Diagnostic.Severity, _ message: String, line: Int?, column: Int? = nil, field: String? = nil,
             cell: Int? = nil, hint: String?) {
        if severity == .error { errorCount += 1 }
        guard kept.count < limit else {
            dropped += 1
            return
        }
        var column = column
        if sheet != nil, let cell, cell >= 0 { column = cell + 1 }
        kept.append(Diagnostic(severity, message, at: SourceLocation(file: file, line: line, column: column, field: field,
                                                                     sheet: sheet),
                               hint: hint))
    }

    /// Records an error.
    func error(_ message: String, line: Int?, column: Int? = nil, field: String? = nil, cell: Int? = nil, hint: String?) {
        add(.error, message, line: line, column: column, field: field, cell: cell, hint: hint)
    }

    /// Records a warning.
    func warning(_ message: String, line: Int?, column: Int? = nil, field: String? = nil, cell: Int? = nil,
                 hint: String?) {
        add(.warning, message, line: line, column: column, field: field, cell: cell, hint: hint)
    }

    /// The kept diagnostics in row order, followed by a note counting the dropped ones.
    func finish() -> [Diagnostic] {
        var result = kept.sortedByLocation
        if dropped > 0 {
            let last = result.last?.location?.line
            result.append(Diagnostic(.note, "… and \(dropped) more problem\(dropped == 1 ? "" : "s") in this file",
                                     at: SourceLocation(file: file, line: last, sheet: sheet),
                                     hint: "fix the problems above and run again to see the rest"))
        }
        return result
    }
}
