import RippleData

/// Why reading from a database failed, in words for the person who runs the build.
struct DatabaseFailure: Error {
    /// What went wrong (the database's own message included).
    var message: String
    /// What to do about it; empty when the table's query is the likely culprit.
    var hint: String

    /// A result larger than a table of cells may hold.
    static let tooLarge = DatabaseFailure(message: "the query returns more than \(CellTable.cellLimitText) cells (rows × columns)",
                                          hint: "select only the columns Ripple reads")
}

/// A database connection that runs read-only queries into tables of cells.
protocol TableDatabase {
    /// Whether a table or view of that name exists (for tables read by the default query).
    func hasTable(_ name: String) throws(DatabaseFailure) -> Bool
    /// Runs one query, filling a table whose header is the result's column names.
    func read(_ sql: String, table: String, file: String) throws(DatabaseFailure) -> CellTable
}
