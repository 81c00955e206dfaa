import CPostgres
import Foundation
import RippleCore
import RippleData

/// A PostgreSQL connection through libpq, read-only (`default_transaction_read_only`, and every
/// query inside `BEGIN READ ONLY`), with a connect timeout and a statement timeout. Credentials
/// come from libpq's environment (PGUSER, PGPASSWORD, ~/.pgpass), never from ripple.yaml. Rows
/// stream one at a time (libpq's single-row mode), so the raw result is never held whole.
final class PostgresDatabase: TableDatabase {
    private let connection: OpaquePointer
    private static let boolean: Oid = 16

    /// Connects; fails with libpq's message (wrong password, unreachable host, TLS refused).
    init(url: String, tls: DatabaseTLS, timeout: Int) throws(DatabaseFailure) {
        let settings: [(String, String)] = [
            ("dbname", url),
            ("sslmode", tls.rawValue),
            ("connect_timeout", String(min(timeout, 600))),
            ("application_name", "ripple"),
            ("options", "-c default_transaction_read_only=on -c statement_timeout=\(timeout)s -c DateStyle=ISO"),
        ]
        let keys = settings.map { strdup($0.0) } + [nil]
        let values = settings.map { strdup($0.1) } + [nil]
        defer { (keys + values).forEach { free($0) } }
        let connection = keys.map { UnsafePointer($0) }.withUnsafeBufferPointer { k in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { v in PQconnectdbParams(k.baseAddress, v.baseAddress, 1) }
        }
        guard let connection else {
            throw DatabaseFailure(message: "could not connect to \(url): out of memory", hint: "")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.message(connection)
            PQfinish(connection)
            throw DatabaseFailure(message: "could not connect to \(url): \(message)",
                                  hint: "check the host, port and database in data.source, the user and password in PGUSER and PGPASSWORD (or ~/.pgpass), and data.tls")
        }
        self.connection = connection
        try execute("BEGIN READ ONLY")
    }

    deinit { PQfinish(connection) }

    private static func message(_ connection: OpaquePointer) -> String {
        oneLine(String(cString: PQerrorMessage(connection)))
    }

    /// libpq's multi-line messages (tabs, a caret under the query) as one line.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func execute(_ sql: String) throws(DatabaseFailure) {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw DatabaseFailure(message: Self.message(connection), hint: "")
        }
    }

    func hasTable(_ name: String) throws(DatabaseFailure) -> Bool {
        // `name` is one of Ripple's own table names, never text from the user.
        let result = PQexec(connection, "select 1 from information_schema.tables where table_name = '\(name)' and table_schema = any(current_schemas(false))")
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw DatabaseFailure(message: Self.message(connection), hint: "") }
        return PQntuples(result) > 0
    }

    func read(_ sql: String, table: String, file: String) throws(DatabaseFailure) -> CellTable {
        guard PQsendQuery(connection, sql) == 1 else { throw DatabaseFailure(message: Self.message(connection), hint: "") }
        PQsetSingleRowMode(connection)
        var cells: CellTable?
        var failure: DatabaseFailure?
        var booleans: [Bool] = []
        var line = 1
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            guard status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK else {
                if failure == nil {
                    let message = Self.oneLine(String(cString: PQresultErrorMessage(result)))
                    failure = DatabaseFailure(message: status == PGRES_COMMAND_OK ? "the query returns no rows" : message, hint: "")
                }
                continue
            }
            if cells == nil {
                let width = Int(PQnfields(result))
                let headers = (0..<width).map { String(cString: PQfname(result, Int32($0))) }
                booleans = (0..<width).map { PQftype(result, Int32($0)) == Self.boolean }
                cells = CellTable(table: table, file: file, sheet: table, headers: headers)
            }
            guard failure == nil else { continue }
            for row in 0..<PQntuples(result) {
                line += 1
                guard !cells!.isFull else {
                    failure = DatabaseFailure.tooLarge
                    break
                }
                cells!.startRow(line: line)
                for column in 0..<Int(PQnfields(result)) where PQgetisnull(result, row, Int32(column)) == 0 {
                    let value = PQgetvalue(result, row, Int32(column))!
                    let count = Int(PQgetlength(result, row, Int32(column)))
                    if booleans[column] {
                        cells!.set(column: column, text: value.pointee == UInt8(ascii: "t") ? "true" : "false")
                    } else {
                        value.withMemoryRebound(to: UInt8.self, capacity: count) {
                            cells!.set(column: column, UnsafeBufferPointer(start: $0, count: count))
                        }
                    }
                }
            }
        }
        if let failure {
            // A failed statement aborts the transaction: start a fresh one for the next table.
            _ = try? execute("ROLLBACK")
            try execute("BEGIN READ ONLY")
            throw failure
        }
        return cells ?? CellTable(table: table, file: file, sheet: table, headers: [])
    }
}
