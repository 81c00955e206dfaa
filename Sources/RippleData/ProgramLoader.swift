import RippleCore

/// Turns the bytes of `content/data/<table>.csv|json` into a validated `Program`, or into located
/// diagnostics a program manager can act on.
package struct ProgramLoader: Sendable {
    /// Column mapping and list separator from `ripple.yaml`.
    package let settings: DataSettings
    /// `program.as_of` from `ripple.yaml`: when set, dates after it are not checked against the bulk of the data.
    package let asOf: Day?
    /// `program.headcount` from `ripple.yaml` (else `headcount.csv` may give it).
    package let headcount: [HeadcountEntry]

    /// Creates a loader for the given data settings, reporting date and configured headcount.
    package init(settings: DataSettings, asOf: Day? = nil, headcount: [HeadcountEntry] = []) {
        self.settings = settings
        self.asOf = asOf
        self.headcount = headcount
    }

    /// Parses, maps, types and validates every table. `program` is nil when any error was found.
    ///
    /// `files` are the CSV and JSON files; `tables` the tables other readers split into cells (workbook
    /// sheets, database queries), validated the same way. With neither the program is empty and valid.
    /// Diagnostics come grouped by file (tables in dependency order), each file's in row order, at most
    /// ~50 per file. `ignored` are file extensions another reader already took (`xlsx`).
    package func load(_ files: [DataFile], tables: [CellTable] = [],
                      ignored: Set<String> = []) -> (program: Program?, diagnostics: [Diagnostic]) {
        guard !files.isEmpty || !tables.isEmpty else { return (Program(), []) }
        var general: [Diagnostic] = []
        var chosen: [String: TableInput] = [:]
        let folder = files.lazy.compactMap(\.folder).first ?? "content/data"
        let known = Set(TableSchema.all.map(\.name))
        let tableList = TableSchema.all.map(\.name).joined(separator: ", ")

        for table in tables {
            if let other = chosen[table.table] {
                general.append(.error("the table '\(table.table)' is given twice, as \(other.displayName) and \(table.displayName)",
                                      at: SourceLocation(file: table.file, sheet: table.sheet),
                                      hint: "keep only one of the two"))
                continue
            }
            chosen[table.table] = .cells(table)
        }
        for file in files.sorted(by: { $0.path < $1.path })
        where !file.fileName.hasPrefix(".") && !ignored.contains(file.fileExtension) {
            guard file.fileExtension == "csv" || file.fileExtension == "json" else {
                general.append(.warning("ignoring \(ByteText.quoted(file.fileName)): only .csv, .json and .xlsx files are read as data",
                                        at: SourceLocation(file: file.path),
                                        hint: "export the sheet as CSV UTF-8, or move the file out of \(folder)"))
                continue
            }
            guard known.contains(file.stem) else {
                general.append(.warning("ignoring unknown table \(ByteText.quoted(file.stem))",
                                        at: SourceLocation(file: file.path),
                                        hint: "Ripple reads \(tableList); rename the file or move it out of \(folder)"))
                continue
            }
            if let other = chosen[file.stem] {
                general.append(.error("the table '\(file.stem)' is given twice, as \(other.displayName) and \(file.fileName)",
                                      at: SourceLocation(file: file.path),
                                      hint: "keep only one of the two files"))
                continue
            }
            chosen[file.stem] = .file(file)
        }
        for name in TableSchema.requiredTables.sorted() where chosen[name] == nil {
            general.append(.error("the required table '\(name)' is missing", at: SourceLocation(file: folder),
                                  hint: "add \(name).csv to \(folder); docs/data-format.md lists its columns"))
        }

        var tables = TableSet(settings: settings, files: chosen)
        let reports = tables.decodeAll()
        general += tables.checkDateWindow(asOf: asOf, reports: reports)
        let diagnostics = general + reports.flatMap { $0.finish() } + tables.checkConfiguredHeadcount(headcount)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var program = tables.program
        if !headcount.isEmpty { program.headcount = Dictionary(headcount.map { ($0.department, $0.count) }, uniquingKeysWith: { _, b in b }) }
        return (program, diagnostics)
    }
}
