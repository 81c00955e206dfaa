import RippleCore
import RippleData

/// Reads the program from `content/data` (CSV and JSON files, `.xlsx` workbooks) or from the tables a
/// database gave, every table through RippleData's one validation path.
package struct ProgramReader: Sendable {
    /// `data:` settings (column and sheet mapping, list separator).
    package let settings: DataSettings
    /// `program.as_of`.
    package let asOf: Day?
    /// `program.headcount`.
    package let headcount: [HeadcountEntry]

    /// Creates a reader.
    package init(settings: DataSettings, asOf: Day? = nil, headcount: [HeadcountEntry] = []) {
        self.settings = settings
        self.asOf = asOf
        self.headcount = headcount
    }

    /// The validated program (nil when any error was found) and every diagnostic. `tables` and `problems`
    /// are what `DatabaseReader` read from a database source (the load stage does that I/O).
    package func load(_ files: [DataFile], tables read: [CellTable] = [],
                      problems: [Diagnostic] = []) -> (program: Program?, diagnostics: [Diagnostic]) {
        var diagnostics = problems
        guard !problems.hasErrors else { return (nil, diagnostics) }
        let workbooks = workbooks(in: files)
        let fromWorkbooks = readWorkbooks(workbooks)
        let tables = read + fromWorkbooks.tables
        diagnostics += fromWorkbooks.diagnostics
        // A workbook that could not be read whole (damaged, a zip bomb, error cells) would only add
        // "table missing" and "value required" errors that say the same again.
        guard !fromWorkbooks.diagnostics.hasErrors else { return (nil, diagnostics) }
        for (table, sheet) in settings.sheets.sorted(by: { $0.key < $1.key })
        where !workbooks.isEmpty && !tables.contains(where: { $0.table == table && $0.sheet == sheet }) {
            diagnostics.append(.error("no workbook has the sheet \(ByteText.quoted(sheet)) that data.sheets.\(table) names",
                                      at: SourceLocation(file: "ripple.yaml"),
                                      hint: "check the sheet's name (sheet names are matched exactly) or remove the mapping"))
        }
        let loaded = ProgramLoader(settings: settings, asOf: asOf, headcount: headcount).load(files, tables: tables, ignored: ["xlsx"])
        diagnostics += loaded.diagnostics
        return (diagnostics.hasErrors ? nil : loaded.program, diagnostics)
    }

    /// What `ripple build --data-snapshot` writes: every table as read, in files that `content/data` can hold
    /// and that give the same program — CSV and JSON files as they are, workbook sheets and database
    /// queries as `<table>.csv`.
    package func snapshot(_ files: [DataFile], tables read: [CellTable] = []) -> [DataFile] {
        let known = Set(ProgramSchema.tables)
        var snapshot = (read + readWorkbooks(workbooks(in: files)).tables).map { DataFile(path: "\($0.table).csv", bytes: $0.csv) }
        for file in files {
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            let parts = name.split(separator: ".", maxSplits: 1)
            if parts.count == 2, known.contains(String(parts[0])), ["csv", "json"].contains(parts[1].lowercased()) {
                snapshot.append(DataFile(path: name, bytes: file.bytes))
            }
        }
        return snapshot.sorted { $0.path < $1.path }
    }

    private func workbooks(in files: [DataFile]) -> [DataFile] {
        files.filter { $0.path.lowercased().hasSuffix(".xlsx") && !($0.path.split(separator: "/").last ?? "").hasPrefix(".") }
    }

    private func readWorkbooks(_ workbooks: [DataFile]) -> (tables: [CellTable], diagnostics: [Diagnostic]) {
        let reader = WorkbookReader(sheets: settings.sheets)
        var tables: [CellTable] = [], diagnostics: [Diagnostic] = []
        for workbook in workbooks {
            let read = reader.read(workbook)
            tables += read.tables
            diagnostics += read.diagnostics
        }
        return (tables, diagnostics)
    }
}
