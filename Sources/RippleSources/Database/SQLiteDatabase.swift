import CSQLite
import Foundation
import RippleData

/// A SQLite file opened read-only (`SQLITE_OPEN_READONLY`, `PRAGMA query_only`); each query must
/// be a single statement SQLite calls read-only, and is interrupted after the timeout.
final class SQLiteDatabase: TableDatabase {
    private var handle: OpaquePointer?
    private let timeout: Double

    /// Opens the file; fails when it is missing or not a SQLite database.
    init(path: String, timeout: Int) throws(DatabaseFailure) {
        self.timeout = Double(timeout)
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatabaseFailure(message: "the SQLite database '\(path)' does not exist",
                                  hint: "check data.source in ripple.yaml; the path is relative to the site folder")
        }
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw DatabaseFailure(message: "could not open the SQLite database '\(path)': \(message)",
                                  hint: "check that the file is a SQLite database and readable")
        }
        sqlite3_busy_timeout(handle, Int32(min(timeout, 600) * 1000))
        _ = try? exec("PRAGMA query_only = 1")
        // A file that is not a database fails only when first read.
        _ = try hasTable("sqlite_master")
    }

    deinit { sqlite3_close_v2(handle) }

    private func exec(_ sql: String) throws(DatabaseFailure) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw DatabaseFailure(message: String(cString: sqlite3_errmsg(handle)), hint: "")
        }
    }

    func hasTable(_ name: String) throws(DatabaseFailure) -> Bool {
        if name == "sqlite_master" {
            guard sqlite3_exec(handle, "select count(*) from sqlite_master", nil, nil, nil) == SQLITE_OK else {
                throw DatabaseFailure(message: "could not read the SQLite database: \(String(cString: sqlite3_errmsg(handle)))",
                                      hint: "check that the file is a SQLite database (not encrypted or damaged)")
            }
            return true
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(handle, "select 1 from sqlite_master where type in ('table', 'view') and name = ?1",
                                 -1, &statement, nil) == SQLITE_OK else { return false }
        sqlite3_bind_text(statement, 1, name, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        return sqlite3_step(statement) == SQLITE_ROW
    }

    func read(_ sql: String, table: String, file: String) throws(DatabaseFailure) -> CellTable {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, &tail) == SQLITE_OK, let statement else {
            throw DatabaseFailure(message: String(cString: sqlite3_errmsg(handle)), hint: "")
        }
        if let tail, String(cString: tail).contains(where: { !$0.isWhitespace && $0 != ";" }) {
            throw DatabaseFailure(message: "the query holds more than one statement",
                                  hint: "write one select statement per table")
        }
        guard sqlite3_stmt_readonly(statement) != 0 else {
            throw DatabaseFailure(message: "the query would change the database; Ripple only reads",
                                  hint: "write a select statement")
        }
        let width = Int(sqlite3_column_count(statement))
        let headers = (0..<width).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        var cells = CellTable(table: table, file: file, sheet: table, headers: headers)
        let deadline = Deadline(seconds: timeout)
        let context = Unmanaged.passUnretained(deadline).toOpaque()
        sqlite3_progress_handler(handle, 10_000, { context in
            Unmanaged<Deadline>.fromOpaque(context!).takeUnretainedValue().passed ? 1 : 0
        }, context)
        defer { sqlite3_progress_handler(handle, 0, nil, nil) }
        var line = 1
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                if step == SQLITE_INTERRUPT {
                    throw DatabaseFailure(message: "the query took longer than \(Int(timeout)) seconds and was stopped",
                                          hint: "make the query faster, or raise data.timeout in ripple.yaml")
                }
                throw DatabaseFailure(message: String(cString: sqlite3_errmsg(handle)), hint: "")
            }
            line += 1
            guard !cells.isFull else { throw DatabaseFailure.tooLarge }
            cells.startRow(line: line)
            for column in 0..<width where sqlite3_column_type(statement, Int32(column)) != SQLITE_NULL {
                guard let text = sqlite3_column_text(statement, Int32(column)) else { continue }
                let count = Int(sqlite3_column_bytes(statement, Int32(column)))
                cells.set(column: column, UnsafeBufferPointer(start: text, count: count))
            }
        }
        return cells
    }
}

/// A moment after which a running query is stopped.
final class Deadline: @unchecked Sendable {
    private let end: ContinuousClock.Instant

    init(seconds: Double) { end = .now + .milliseconds(Int(seconds * 1000)) }

    var passed: Bool { ContinuousClock.now >= end }
}
