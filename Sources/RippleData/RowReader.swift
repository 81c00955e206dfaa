import RippleCore

/// Typed access to the fields of one row. Every problem becomes a located diagnostic in the
/// file's report and clears `ok`, so a row reports all its problems at once.
struct RowReader {
    let base: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<FieldSpan>
    let table: TableLayout
    let report: FileReport
    /// The physical line the row starts on.
    let line: Int
    /// Whether every field read so far was valid.
    var ok = true

    /// The field's bytes, or `nil` when the column is missing or the field is empty.
    func raw(_ field: Int) -> UnsafeBufferPointer<UInt8>? {
        let column = table.columns[field]
        guard column >= 0, column < spans.count else { return nil }
        let span = spans[column]
        guard span.start < span.end else { return nil }
        return UnsafeBufferPointer(rebasing: (span.inScratch ? scratch : base)[span.start..<span.end])
    }

    /// The header that holds a field, for messages.
    func name(_ field: Int) -> String { table.headerName(field) }

    /// Records an error about a field of this row.
    mutating func error(_ field: Int, _ message: String, hint: String?) {
        ok = false
        report.error(message, line: line, field: name(field), cell: table.columns[field], hint: hint)
    }

    /// Records a warning about a field of this row.
    func warning(_ field: Int, _ message: String, hint: String?) {
        report.warning(message, line: line, field: name(field), cell: table.columns[field], hint: hint)
    }

    /// The field's bytes, reporting a missing required value.
    mutating func present(_ field: Int) -> UnsafeBufferPointer<UInt8>? {
        if let bytes = raw(field) { return bytes }
        if table.schema.fields[field].required {
            error(field, "a value is required", hint: "fill in \(table.schema.fields[field].name) on this row")
        }
        return nil
    }

    mutating func text(_ field: Int) -> String? {
        present(field).map(ByteText.string)
    }

    mutating func day(_ field: Int) -> Day? {
        guard let b = present(field) else { return nil }
        guard let day = Day(isoBytes: b) else {
            error(field, "\(ByteText.quoted(b)) is not a valid date", hint: "write dates as YYYY-MM-DD")
            return nil
        }
        guard day >= Day.earliest else {
            error(field, "\(ByteText.quoted(b)) is before 1970-01-01", hint: "fix the date: program data starts in 1970 or later")
            return nil
        }
        return day
    }

    mutating func int(_ field: Int, in range: ClosedRange<Int> = Int.min...Int.max) -> Int? {
        guard let b = present(field) else { return nil }
        var i = 0, negative = false, value = 0
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        var valid = i < b.count && b.count - i <= 18
        while valid, i < b.count {
            let d = Int(b[i]) &- 48
            if d < 0 || d > 9 { valid = false; break }
            value = value * 10 + d
            i += 1
        }
        guard valid else {
            error(field, "\(ByteText.quoted(b)) is not a whole number", hint: "write a whole number such as 3")
            return nil
        }
        if negative { value = -value }
        guard range.contains(value) else {
            outOfRange(field, b, range: range)
            return nil
        }
        return value
    }

    private mutating func outOfRange(_ field: Int, _ b: UnsafeBufferPointer<UInt8>, range: ClosedRange<Int>) {
        if range.upperBound == Int.max {
            error(field, "\(ByteText.quoted(b)) is below \(range.lowerBound)",
                  hint: "write \(range.lowerBound) or more")
        } else {
            error(field, "\(ByteText.quoted(b)) is not between \(range.lowerBound) and \(range.upperBound)",
                  hint: "write a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    mutating func number(_ field: Int) -> Double? {
        guard let b = present(field) else { return nil }
        if b.count <= 40, let value = Double(ByteText.string(b)), value.isFinite { return value }
        error(field, "\(ByteText.quoted(b)) is not a number",
              hint: "write a number such as 4 or 4.5, with a dot as the decimal separator")
        return nil
    }

    mutating func bool(_ field: Int) -> Bool? {
        guard let b = present(field) else { return nil }
        for word: StaticString in ["true", "yes", "1", "y"] where ByteText.equalIgnoringCase(b, word) { return true }
        for word: StaticString in ["false", "no", "0", "n"] where ByteText.equalIgnoringCase(b, word) { return false }
        error(field, "\(ByteText.quoted(b)) is not yes or no", hint: "write true or false, yes or no, or 1 or 0")
        return nil
    }

    mutating func choice<Value>(_ field: Int, _ choices: Choices<Value>) -> Value? {
        guard let b = present(field) else { return nil }
        if let value = choices.match(b) { return value }
        error(field, "\(ByteText.quoted(b)) is not a \(choices.noun)", hint: "use one of: \(choices.allowed)")
        return nil
    }

    /// A list field split on the list separator, items trimmed, empty items dropped.
    mutating func list(_ field: Int) -> [String] {
        guard let b = present(field) else { return [] }
        return table.split(b)
    }
}
