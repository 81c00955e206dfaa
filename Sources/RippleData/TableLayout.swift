import RippleCore

/// How a file's columns map onto a table's fields, worked out once from the header.
struct TableLayout {
    let schema: TableSchema
    /// For each schema field, the column index in the file, or -1 when the file lacks it.
    let columns: [Int]
    /// The file's headers, as written.
    let headers: [String]
    /// The header each field is expected under (after `data.columns` mapping).
    let expected: [String]
    let listSeparator: [UInt8]

    /// Maps `headers` to the schema, reporting duplicate headers, unknown columns (one warning)
    /// and missing required columns. `nil` when the file cannot be read as this table.
    init?(schema: TableSchema, headers: [String], settings: DataSettings, report: FileReport, checkRequired: Bool,
          headerLine: Int = 1) {
        self.schema = schema
        self.headers = headers
        let separator = Array(settings.listSeparator.utf8)
        listSeparator = separator.isEmpty ? [UInt8(ascii: ";")] : separator
        let mapping = settings.columns[schema.name] ?? [:]
        expected = schema.fields.map { mapping[$0.name] ?? $0.name }

        func normal(_ s: String) -> String { s.trimmingSpaces.lowercased() }
        var firstColumn: [String: Int] = [:]
        var duplicates = Set<Int>()
        var fatal = false
        for (column, header) in headers.enumerated() {
            let key = normal(header)
            guard !key.isEmpty else { continue }
            if let first = firstColumn[key] {
                report.error("the column \(ByteText.quoted(header)) appears twice in the header (columns \(first + 1) and \(column + 1))",
                             line: headerLine, column: nil, field: nil,
                             hint: "rename or remove one of the two columns so each header is unique")
                fatal = true
                duplicates.insert(column)
            } else {
                firstColumn[key] = column
            }
        }
        var columns = Array(repeating: -1, count: schema.fields.count)
        var claimed = duplicates
        for (f, header) in expected.enumerated() {
            if let column = firstColumn[normal(header)] {
                columns[f] = column
                claimed.insert(column)
            } else if schema.fields[f].required && checkRequired {
                let mapped = mapping[schema.fields[f].name] != nil
                report.error("the required column \(ByteText.quoted(header)) is missing", line: headerLine,
                             hint: mapped
                                ? "the file has no column named \(ByteText.quoted(header)); fix data.columns.\(schema.name).\(schema.fields[f].name) in ripple.yaml or add the column"
                                : "add a \(header) column, or map your own header to it in ripple.yaml under data.columns.\(schema.name).\(header)")
                fatal = true
            }
        }
        let unknown = headers.enumerated()
            .filter { !claimed.contains($0.offset) && !normal($0.element).isEmpty }
            .map { ByteText.quoted($0.element) }
        if !unknown.isEmpty {
            report.warning("ignoring unknown column\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", "))",
                           line: headerLine,
                           hint: "rename \(unknown.count == 1 ? "it" : "them") to a Ripple field or map \(unknown.count == 1 ? "it" : "them") in ripple.yaml under data.columns.\(schema.name); see docs/data-format.md")
        }
        if fatal { return nil }
        self.columns = columns
    }

    /// The header holding a field, as written in the file (or as expected when absent).
    func headerName(_ field: Int) -> String {
        let column = columns[field]
        return column >= 0 && column < headers.count ? headers[column].trimmingSpaces : expected[field]
    }

    /// Splits a list field on the separator; items are trimmed and empty ones dropped.
    func split(_ b: UnsafeBufferPointer<UInt8>) -> [String] {
        var items: [String] = []
        let sep = listSeparator, n = b.count
        var start = 0, i = 0
        func flush(_ end: Int) {
            let item = ByteText.trimmed(UnsafeBufferPointer(rebasing: b[start..<end]))
            if !item.isEmpty { items.append(ByteText.string(item)) }
        }
        while i < n {
            if b[i] == sep[0], i + sep.count <= n, sep.count == 1 || Array(b[i..<(i + sep.count)]) == sep {
                flush(i)
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        flush(n)
        return items
    }
}

extension String {
    /// Without surrounding spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
