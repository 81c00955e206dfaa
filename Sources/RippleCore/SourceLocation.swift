/// Where a diagnostic points: a file relative to the site folder, and optionally a line,
/// a column and (for tabular data) a field name. In a workbook, `sheet` names the sheet, `line` is
/// the row and `column` the spreadsheet column (1 = A), printed as a cell: `program.xlsx[Sessions]:C17`.
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path relative to the site's source folder, with `/` separators (`content/guide/01-why.md`).
    package var file: String
    /// 1-based line (for CSV: the physical line the record starts on; the header is line 1; in a sheet: the row).
    package var line: Int?
    /// 1-based column, counted in Unicode scalars (in a sheet: the spreadsheet column, 1 = A).
    package var column: Int?
    /// The field (column name) of a data table, when the problem is in one field.
    package var field: String?
    /// The sheet of a workbook, when the file is one.
    package var sheet: String?

    /// Creates a location.
    package init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.sheet = sheet
    }

    /// `file:line:column`, leaving out what is unknown; in a sheet `file[sheet]:C17` (or `file[sheet]:17` for a row).
    package var description: String {
        var text = file
        if let sheet {
            text += "[\(sheet)]"
            if let line { text += ":" + (column.map(Self.columnLetters) ?? "") + "\(line)" }
            return text
        }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// The spreadsheet name of a 1-based column: 1 → A, 27 → AA.
    package static func columnLetters(_ column: Int) -> String {
        var n = max(column, 1), letters: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.sheet != rhs.sheet { return (lhs.sheet ?? "") < (rhs.sheet ?? "") }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
