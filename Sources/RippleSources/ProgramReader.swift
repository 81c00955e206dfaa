import RippleCore
import RippleData

/// Reads the program from `content/data` (CSV and JSON files, `.xlsx` workbooks) or from the tables a
/// database gave, every table through RippleData's one validation path.
package struct ProgramReader: Sendable {
    /// `data:` settings (column and sheet mapping, list separator).
    package let settings: DataSettings
    /// `program.as_of`.
    package let asOf: Day?

    /// Creates a reader.
    package init(settings: DataSettings, asOf: Day? = nil) {
        self.settings = settings
        self.asOf = asOf
    }

    /// The validated program (nil when any error was found) and every diagnostic. `tables` and `problems`
    /// are what `DatabaseReader` read from a database source (the load stage does that I/O).
    package func load(_ files: [DataFile], tables read: [CellTable] = [],
                      problems: [Diagnostic] = []) -> (program: Program?, diagnostics: [Diagnostic]) {
        var diagnostics = problems
        guard !problems.hasErrors else { return (nil, diagnostics) }
        var tables = read
        let workbooks = files.filter { $0.path.lowercased().hasSuffix(".xlsx") && !($0.path.split(separator: "/").last ?? "").hasPrefix(".") }
        let reader = WorkbookReader(sheets: settings.sheets)
        for workbook in workbooks {
            let read = reader.read(workbook)
            tables += read.tables
            diagnostics += read.diagnostics
        }
        for (table, sheet) in settings.sheets.sorted(by: { $0.key < $1.key })
        where !workbooks.isEmpty && !tables.contains(where: { $0.table == table && $0.sheet == sheet }) {
            diagnostics.append(.error("no workbook has the sheet \(ByteText.quoted(sheet)) that data.sheets.\(table) names",
                                      at: SourceLocation(file: "ripple.yaml"),
                                      hint: "check the sheet's name (sheet names are matched exactly) or remove the mapping"))
        }
        let loaded = ProgramLoader(settings: settings, asOf: asOf).load(files, tables: tables, ignored: ["xlsx"])
        diagnostics += loaded.diagnostics
        return (diagnostics.hasErrors ? nil : loaded.program, diagnostics)
    }
}
