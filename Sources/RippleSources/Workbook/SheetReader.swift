import Foundation
import RippleCore
import RippleData

/// Reads one worksheet part into a `CellTable`: the first non-empty row is the header, every later
/// non-empty row a record located by its row number. Cells become the text a CSV export would hold:
/// shared and inline strings as written, numbers as written, date-formatted numbers as ISO dates,
/// booleans as true/false, formulas as their last calculated value. Error values (`#N/A`) and merged
/// header cells are located errors.
struct SheetReader {
    let parts: WorkbookParts
    let table: String
    let file: String
    let sheet: String

    /// The table (nil when the sheet has no header row) and the problems found.
    func read(_ data: Data) -> (table: CellTable?, diagnostics: [Diagnostic], malformed: String?) {
        var state = State(reader: self)
        let events = XMLEvents()
        events.start = { name, attributes in state.start(name, attributes) }
        events.end = { name in state.end(name) }
        events.text = { text in state.text(text) }
        let malformed = events.parse(data)
        state.checkMergedHeader()
        return (state.cells, state.diagnostics, malformed)
    }

    func location(row: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column.map { $0 + 1 }, sheet: sheet)
    }

    /// The parse in progress.
    private struct State {
        let reader: SheetReader
        var cells: CellTable?
        var diagnostics: [Diagnostic] = []
        var row = 0, column = -1, type = "", style = 0
        var value = "", collecting = false, phonetic = 0
        var rowStarted = false
        var header: [(Int, String)] = []
        var merged: [(CellReference, CellReference)] = []
        var ignoredColumn: Int?
        var outside = false
        var full = false

        init(reader: SheetReader) { self.reader = reader }

        mutating func start(_ name: String, _ attributes: XMLScanner.Attributes) {
            switch name {
            case "row":
                row = attributes["r"].flatMap(Int.init) ?? row + 1
                column = -1
                rowStarted = false
                if row < 1 || row > CellReference.maxRows { outsideSheet(attributes["r"] ?? "") }
            case "c":
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                if let r = attributes["r"] {
                    guard let reference = CellReference(r) else { column = -1; outsideSheet(r); return }
                    column = reference.column
                } else {
                    column += 1
                }
            case "v": collecting = true
            case "t": collecting = phonetic == 0
            case "rPh": phonetic += 1
            case "mergeCell":
                let ends = (attributes["ref"] ?? "").split(separator: ":").compactMap { CellReference(String($0)) }
                if ends.count == 2 { merged.append((ends[0], ends[1])) }
            default: break
            }
        }

        mutating func text(_ text: String) {
            if collecting { value += text }
        }

        mutating func end(_ name: String) {
            switch name {
            case "v", "t": collecting = false
            case "rPh": phonetic -= 1
            case "c": if column >= 0, row >= 1, row <= CellReference.maxRows { cell() }
            case "row": if cells == nil, !header.isEmpty { startTable() }
            default: break
            }
        }

        private mutating func outsideSheet(_ reference: String) {
            guard !outside else { return }
            outside = true
            report(.error("the cell reference \(ByteText.quoted(reference)) is outside Excel's sheet size (1,048,576 rows by 16,384 columns); the cell is ignored",
                          at: SourceLocation(file: reader.file, sheet: reader.sheet),
                          hint: "save the workbook again from a spreadsheet program"))
        }

        private mutating func report(_ diagnostic: Diagnostic) {
            if diagnostics.count < 50 { diagnostics.append(diagnostic) }
        }

        /// The finished cell's text, as a CSV export would hold it.
        private mutating func cell() {
            let text: String
            switch type {
            case "s":
                guard let index = Int(value), index >= 0, index < reader.parts.sharedStrings.count else {
                    report(.error("the cell points to shared string \(ByteText.quoted(value)), which the workbook does not have",
                                  at: reader.location(row: row, column: column),
                                  hint: "the workbook is damaged: save it again from a spreadsheet program"))
                    return
                }
                text = reader.parts.sharedStrings[index]
            case "b": text = value == "1" || value == "true" ? "true" : "false"
            case "e":
                report(.error("the cell holds the spreadsheet error \(ByteText.quoted(value))",
                              at: reader.location(row: row, column: column),
                              hint: "fix the formula or type the value in; Ripple reads the value a formula last calculated"))
                return
            case "d": text = value.count >= 10 ? String(value.prefix(10)) : value
            case "n": text = number()
            default: text = value
            }
            guard !text.isEmpty else { return }
            if cells == nil {
                header.append((column, text))
                return
            }
            guard column < cells!.headers.count else {
                if ignoredColumn == nil {
                    ignoredColumn = column
                    report(.warning("ignoring the values in column \(SourceLocation.columnLetters(column + 1)) and right of the header: they have no header",
                                    at: reader.location(row: row, column: column),
                                    hint: "give the column a header in row \(cells!.headerLine), or delete the values"))
                }
                return
            }
            if !rowStarted {
                guard !cells!.isFull else {
                    if !full {
                        full = true
                        report(.error("the sheet holds more than \(CellTable.cellLimitText) cells (rows × header columns); the rows from here on are not read",
                                      at: reader.location(row: row),
                                      hint: "a table this large belongs in a database (data.source); check that no header sits far to the right"))
                    }
                    return
                }
                cells!.startRow(line: row)
                rowStarted = true
            }
            cells!.set(column: column, text: text)
        }

        /// A number as written, whole numbers without `.0`; a date when the cell's style shows one.
        private func number() -> String {
            let styles = reader.parts.dateStyles
            if style >= 0, style < styles.count, styles[style], let serial = Double(value),
               let iso = ExcelDate.iso(serial: serial, date1904: reader.parts.date1904) {
                return iso
            }
            if value.contains(where: { $0 == "." || $0 == "E" || $0 == "e" }), let number = Double(value),
               number == number.rounded(), abs(number) < 1e15 {
                return String(Int(number))
            }
            return value
        }

        /// The first non-empty row is the header; headers run from column A to the last one written.
        private mutating func startTable() {
            let width = (header.map(\.0).max() ?? -1) + 1
            var names = Array(repeating: "", count: width)
            for (column, text) in header { names[column] = text }
            cells = CellTable(table: reader.table, file: reader.file, sheet: reader.sheet, headers: names, headerLine: row)
        }

        /// Merged cells in the header row hide the headers of all but the first column.
        mutating func checkMergedHeader() {
            guard let cells else { return }
            for (from, to) in merged where from.row <= cells.headerLine && cells.headerLine <= to.row && from.column != to.column {
                let range = "\(SourceLocation.columnLetters(from.column + 1))\(from.row):\(SourceLocation.columnLetters(to.column + 1))\(to.row)"
                report(.error("the header cells \(range) are merged, so only the first of those columns has a header",
                              at: reader.location(row: cells.headerLine, column: from.column),
                              hint: "unmerge them and give each column its own header in row \(cells.headerLine)"))
            }
        }
    }
}
