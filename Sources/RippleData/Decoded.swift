import RippleCore

/// The rows of one table that decoded cleanly, with their lines and an id index.
struct Decoded<Record> {
    /// Where an id was first seen: the record index (-1 when that row had errors) and its line.
    struct Entry {
        var index: Int32
        var line: Int32
    }

    var records: [Record] = []
    /// The line of each record, for diagnostics raised by other tables.
    var lines: [Int32] = []
    /// id → first row with that id.
    var ids: [String: Entry] = [:]
    /// Whether the file was read, so references to it can be checked.
    var readable = false
    /// The file name shown in hints (`participants.csv`).
    var fileName = ""
    /// Where each web-address slug was first used (tables whose ids become addresses: cohorts).
    var slugs: [String: (id: String, line: Int32)] = [:]
    /// The header of each schema field in the file (after `data.columns` mapping), for later diagnostics.
    var headers: [String] = []
    /// For each schema field, its column in the table (-1 when absent): locates a field's cell in a sheet.
    var columns: [Int] = []

    /// Makes room for about `rows` rows up front, so a million sessions never rehash.
    mutating func reserve(_ rows: Int) {
        records.reserveCapacity(rows)
        lines.reserveCapacity(rows)
        ids.reserveCapacity(rows)
    }

    /// Registers a row's id, pointing it at the record the row will become; reports a duplicate.
    /// Returns `false` for a duplicate. One hash lookup per row: this runs a million times.
    mutating func register(_ id: String, row: inout RowReader, field: Int, what: String) -> Bool {
        let entry = Entry(index: Int32(records.count), line: Int32(row.line))
        guard let first = ids.updateValue(entry, forKey: id) else { return true }
        ids[id] = first
        row.error(field, "\(ByteText.quoted(id)) is used again; it is already the \(what) on row \(first.line)",
                  hint: "every \(row.table.schema.fields[field].name) must be unique; remove or renumber the duplicate row")
        return false
    }

    /// Marks a registered id whose row turned out invalid, so references to it are not chased.
    mutating func reject(_ id: String?, unique: Bool) {
        if unique, let id { ids[id]?.index = -1 }
    }

    /// Adds a valid record (its id, if any, was registered for this position).
    mutating func append(_ record: Record, line: Int) {
        records.append(record)
        lines.append(Int32(line))
    }

    /// Resolves a reference from another table's row. Returns the record index; -1 when the target
    /// row is itself invalid or this table could not be read (reported elsewhere); `nil` after
    /// reporting an unknown id.
    func resolve(_ row: inout RowReader, _ field: Int, noun: String, idField: String) -> Int? {
        guard let b = row.present(field) else { return nil }
        guard readable else { return -1 }
        let id = ByteText.string(b)
        if let entry = ids[id] { return Int(entry.index) }
        row.error(field, "no \(noun) has the id \(ByteText.quoted(id))",
                  hint: "check the id against the \(idField) column of \(fileName)")
        return nil
    }
}

/// Shares equal strings so thousands of rows naming the same department keep one copy.
struct Interner {
    private var strings: [String: String] = [:]
    private var lists: [String: [String]] = [:]
    /// The last reference resolved by a row decoder, and the id bytes it was resolved from.
    var lastReference: Int?
    var lastReferenceID: [UInt8] = []

    mutating func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let s = ByteText.string(b)
        if let known = strings[s] { return known }
        strings[s] = s
        return s
    }

    mutating func list(_ b: UnsafeBufferPointer<UInt8>?, layout: TableLayout) -> [String] {
        guard let b else { return [] }
        let key = ByteText.string(b)
        if let known = lists[key] { return known }
        let items = layout.split(b).map { s in s.utf8.withContiguousStorageIfAvailable { string($0) } ?? s }
        lists[key] = items
        return items
    }
}
extension Decoded: Sendable where Record: Sendable {}
