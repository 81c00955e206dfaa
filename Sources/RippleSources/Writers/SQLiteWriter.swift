import CSQLite
import Foundation
import RippleCore
import RippleData

/// Writes tables into a new SQLite database file, one table per Ripple table, every column `text`
/// as in a CSV file. Used by `ripple sample-data --format sqlite`.
package enum SQLiteWriter {
    /// Creates `path` (replacing a file there) holding the tables.
    package static func write(_ tables: [CellTable], to path: String) throws(DiagnosticError) {
        try? FileManager.default.removeItem(atPath: path)
        var handle: OpaquePointer?
        defer { sqlite3_close_v2(handle) }
        func fail() -> DiagnosticError {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            return DiagnosticError(.error("could not write the SQLite database '\(path)': \(message)",
                                          hint: "check that the folder exists and can be written"))
        }
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else { throw fail() }
        guard sqlite3_exec(handle, "begin", nil, nil, nil) == SQLITE_OK else { throw fail() }
        for table in tables {
            let columns = table.headers.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\" text" }
            guard sqlite3_exec(handle, "create table \(table.table) (\(columns.joined(separator: ", ")))", nil, nil, nil) == SQLITE_OK
            else { throw fail() }
            let marks = Array(repeating: "?", count: table.headers.count).joined(separator: ", ")
            var insert: OpaquePointer?
            guard sqlite3_prepare_v2(handle, "insert into \(table.table) values (\(marks))", -1, &insert, nil) == SQLITE_OK else { throw fail() }
            defer { sqlite3_finalize(insert) }
            var failed = false
            table.forEachRow { cells in
                guard !failed else { return }
                sqlite3_reset(insert)
                for (index, cell) in cells.enumerated() {
                    if cell.isEmpty {
                        sqlite3_bind_null(insert, Int32(index + 1))
                    } else {
                        // SQLITE_TRANSIENT: SQLite copies the bytes, which live only for this call.
                        cell.withMemoryRebound(to: CChar.self) {
                            _ = sqlite3_bind_text(insert, Int32(index + 1), $0.baseAddress, Int32($0.count),
                                                  unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                        }
                    }
                }
                failed = sqlite3_step(insert) != SQLITE_DONE
            }
            if failed { throw fail() }
        }
        guard sqlite3_exec(handle, "commit", nil, nil, nil) == SQLITE_OK else { throw fail() }
    }
}
