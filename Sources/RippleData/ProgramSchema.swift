/// The names of Ripple's data tables and their fields, for code outside the loader (config validation).
package enum ProgramSchema {
    /// Table names in dependency order (`participants`, `cohorts`, …).
    package static var tables: [String] { TableSchema.all.map(\.name) }

    /// The Ripple field names of a table, in schema order; nil for an unknown table.
    package static func fields(of table: String) -> [String]? {
        TableSchema.all.first { $0.name == table }?.fields.map(\.name)
    }
}
