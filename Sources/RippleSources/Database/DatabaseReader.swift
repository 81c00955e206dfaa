import RippleCore
import RippleData

/// Reads the program's tables from the database `data.source` names, one read-only query per table
/// (`data.queries.<table>`, default `select * from <table>`), into tables of cells that then go
/// through the same validation as CSV files. It is I/O: the build's load stage calls it, on every build.
package struct DatabaseReader: Sendable {
    /// `data:` settings.
    package let settings: DataSettings
    /// The site folder: a SQLite path is relative to it.
    package let root: String

    /// Creates a reader.
    package init(settings: DataSettings, root: String) {
        self.settings = settings
        self.root = root
    }

    /// How diagnostics name the database: the SQLite path or the PostgreSQL URL (which holds no password).
    package var displayName: String {
        switch settings.source {
        case .files: "content/data"
        case .sqlite(let path): path
        case .postgres(let url): url
        }
    }

    /// The tables read, or the diagnostics saying why not (located at ripple.yaml, naming table and query).
    package func read() -> (tables: [CellTable], diagnostics: [Diagnostic]) {
        let config = SourceLocation(file: "ripple.yaml")
        let database: TableDatabase
        do throws(DatabaseFailure) {
            switch settings.source {
            case .files: return ([], [])
            case .sqlite(let path):
                database = try SQLiteDatabase(path: path.hasPrefix("/") ? path : root + "/" + path, timeout: settings.timeout)
            case .postgres(let url):
                database = try PostgresDatabase(url: url, tls: settings.tls, timeout: settings.timeout)
            }
        } catch {
            return ([], [.error(error.message, at: config, hint: error.hint)])
        }
        var tables: [CellTable] = [], diagnostics: [Diagnostic] = []
        for table in ProgramSchema.tables {
            let query = settings.queries[table]
            do throws(DatabaseFailure) {
                if query == nil, try !database.hasTable(table) { continue }
                tables.append(try database.read(query ?? "select * from \(table)", table: table, file: displayName))
            } catch {
                let sql = query ?? "select * from \(table)"
                diagnostics.append(.error("reading the table '\(table)' from \(displayName) failed: \(error.message)",
                                          at: config,
                                          hint: (error.hint.isEmpty ? "check data.queries.\(table) in ripple.yaml" : error.hint)
                                            + "; the query was: \(sql)"))
            }
        }
        return (tables, diagnostics)
    }
}
