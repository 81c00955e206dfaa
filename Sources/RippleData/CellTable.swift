import RippleCore

/// A table already split into cells by a reader outside RippleData (a workbook sheet, a database
/// query). It goes through the same column mapping, typing and validation as a CSV file, so every
/// source yields the same records and the same diagnostics.
package struct CellTable: Sendable {
    /// The Ripple table it holds (`sessions`).
    package let table: String
    /// The file diagnostics point into (`content/data/program.xlsx`, or the database as named in ripple.yaml).
    package let file: String
    /// The sheet, for a workbook: locations then read `file[sheet]:C17`.
    package let sheet: String?
    /// The header row as written; in a sheet, header `i` is column `i + 1` (A, B, …).
    package let headers: [String]
    /// The row (or line) the headers are on.
    package let headerLine: Int
    /// The cells of every row, back to back.
    private(set) var storage: [UInt8] = []
    /// Row-major cell ranges into `storage`, `headers.count` per row.
    private(set) var spans: [FieldSpan] = []
    /// The row number of each row, for locations.
    private(set) var lines: [Int] = []

    /// Creates an empty table with its header row.
    package init(table: String, file: String, sheet: String? = nil, headers: [String], headerLine: Int = 1) {
        self.table = table
        self.file = file
        self.sheet = sheet
        self.headers = headers
        self.headerLine = headerLine
    }

    /// The cells of a well-formed CSV file (as `ripple sample-data` writes), for writing it in another form;
    /// `nil` when the file has no header or an unclosed quote.
    package init?(csv file: DataFile, table: String) {
        var result: CellTable?
        let ok = file.bytes.withUnsafeBufferPointer { b -> Bool in
            let start = ByteText.hasBOM(b) ? 3 : 0
            var reader = CSVReader(bytes: b, start: start, delimiter: CSVReader.detectDelimiter(b, start: start))
            var spans: [FieldSpan] = [], scratch: [UInt8] = []
            while true {
                switch reader.next(into: &spans, scratch: &scratch) {
                case .unterminatedQuote: return false
                case .end: return result != nil
                case .record:
                    scratch.withUnsafeBufferPointer { s in
                        let fields = spans.map { UnsafeBufferPointer(rebasing: ($0.inScratch ? s : b)[$0.start..<$0.end]) }
                        if result == nil {
                            result = CellTable(table: table, file: file.path, headers: fields.map(ByteText.string))
                        } else {
                            result!.startRow(line: reader.recordLine)
                            for (column, field) in fields.enumerated() { result!.set(column: column, field) }
                        }
                    }
                }
            }
        }
        guard ok, let result else { return nil }
        self = result
    }

    /// Calls `body` with each row's cells (empty ones as empty buffers), in order.
    package func forEachRow(_ body: ([UnsafeBufferPointer<UInt8>]) -> Void) {
        let width = headers.count
        storage.withUnsafeBufferPointer { storage in
            var cells: [UnsafeBufferPointer<UInt8>] = []
            cells.reserveCapacity(width)
            for row in lines.indices {
                cells.removeAll(keepingCapacity: true)
                for span in spans[(row * width)..<((row + 1) * width)] {
                    cells.append(UnsafeBufferPointer(rebasing: storage[span.start..<span.end]))
                }
                body(cells)
            }
        }
    }

    /// At most this many cells (rows × header width) are held: 32 Mi (about 540 MB of cell ranges), three
    /// times the benchmark's million sessions. A sheet with a header far to the right, or a query with
    /// thousands of columns, could otherwise ask for far more memory than its file or result is large.
    package static let cellLimit = 32 << 20

    /// `cellLimit` as messages write it: 33,554,432.
    package static var cellLimitText: String {
        var digits = Array(String(cellLimit))
        var index = digits.count - 3
        while index > 0 { digits.insert(",", at: index); index -= 3 }
        return String(digits)
    }

    /// Whether one more row would pass `cellLimit`.
    package var isFull: Bool { (lines.count + 1) * max(headers.count, 1) > Self.cellLimit }

    /// How many rows were added.
    package var rowCount: Int { lines.count }

    /// The name the table's source is told by in messages (`program.xlsx[Sessions]`).
    var displayName: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return sheet.map { "\(name)[\($0)]" } ?? name
    }

    /// Starts a row whose cells are all empty until set.
    package mutating func startRow(line: Int) {
        lines.append(line)
        spans.append(contentsOf: repeatElement(FieldSpan.empty, count: headers.count))
    }

    /// Sets a cell of the last row started; cells right of the header are ignored.
    package mutating func set(column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard column >= 0, column < headers.count, !lines.isEmpty, !bytes.isEmpty else { return }
        let start = storage.count
        storage.append(contentsOf: bytes)
        spans[(lines.count - 1) * headers.count + column] = FieldSpan(start: start, end: storage.count, inScratch: false)
    }

    /// Sets a cell of the last row started from text.
    package mutating func set(column: Int, text: String) {
        var text = text
        text.withUTF8 { set(column: column, $0) }
    }

    /// The table as CSV (header, then every non-empty row), as `ripple build --data-snapshot` writes it:
    /// read back from `content/data`, it gives the same program.
    package var csv: [UInt8] {
        var writer = CSVWriter(header: headers, reserve: storage.count + spans.count + lines.count)
        forEachRow { cells in
            guard !cells.allSatisfy(\.isEmpty) else { return }
            for cell in cells { writer.field(bytes: cell) }
            writer.endRow()
        }
        return writer.bytes
    }
}
