import RippleCore

/// Reads one table (a CSV or JSON file, or the cells of a sheet or query) : checks the encoding, maps
/// the header and hands each row to a decoder as a `RowReader`. Structural problems become diagnostics in `report`.
struct TableReader {
    let input: TableInput
    let schema: TableSchema
    let settings: DataSettings
    let report: FileReport

    /// Calls `body` for every non-blank row. Returns `false` when the file could not be read at all
    /// (bad encoding, empty, broken header), so other tables should not chase its ids.
    func read(_ body: (inout RowReader) -> Void) -> Bool {
        switch input {
        case .file(let file): read(file, body)
        case .cells(let cells): read(cells, body)
        }
    }

    private func read(_ file: DataFile, _ body: (inout RowReader) -> Void) -> Bool {
        file.bytes.withUnsafeBufferPointer { b in
            let start = ByteText.hasBOM(b) ? 3 : 0
            if let bad = ByteText.firstInvalidUTF8(b) {
                report.error("the file is not valid UTF-8 text", line: ByteText.line(of: bad, in: b),
                             hint: "export or save the file again as UTF-8 (in Excel: Save As › CSV UTF-8)")
                return false
            }
            if let problem = SourceFile.controlCharacterProblem(in: b, file: file.path), let location = problem.location {
                report.error(problem.message, line: location.line, column: location.column, hint: problem.hint)
                return false
            }
            var blank = true
            for i in start..<b.count where !(b[i] == ByteText.space || b[i] == ByteText.tab || b[i] == ByteText.newline || b[i] == ByteText.carriageReturn) {
                blank = false
                break
            }
            if blank {
                report.error("the file is empty", line: nil,
                             hint: file.fileExtension == "json"
                                ? "write the rows as a JSON list, or [] for none"
                                : "export the table again with its header row; a header without rows is fine")
                return false
            }
            return file.fileExtension == "json" ? readJSON(b, start: start, body) : readCSV(b, start: start, body)
        }
    }

    private func readCSV(_ b: UnsafeBufferPointer<UInt8>, start: Int, _ body: (inout RowReader) -> Void) -> Bool {
        var reader = CSVReader(bytes: b, start: start, delimiter: CSVReader.detectDelimiter(b, start: start))
        var spans: [FieldSpan] = []
        spans.reserveCapacity(32)
        var scratch: [UInt8] = []
        func unterminated(_ line: Int, _ column: Int) {
            report.error("a quoted field is never closed: the quote opened here has no closing quote", line: line,
                         column: column,
                         hint: "add the missing double quote (\"); a quote inside a quoted field is written twice (\"\")")
        }
        var header: [String] = []
        while header.isEmpty || (header.count == 1 && header[0].isEmpty) {
            switch reader.next(into: &spans, scratch: &scratch) {
            case .end: return false
            case .unterminatedQuote(let line, let column):
                unterminated(line, column)
                return false
            case .record:
                header = scratch.withUnsafeBufferPointer { s in
                    spans.map { ByteText.string(UnsafeBufferPointer(rebasing: ($0.inScratch ? s : b)[$0.start..<$0.end])) }
                }
            }
        }
        guard let layout = TableLayout(schema: schema, headers: header, settings: settings, report: report,
                                       checkRequired: true) else { return false }
        while true {
            switch reader.next(into: &spans, scratch: &scratch) {
            case .end: return true
            case .unterminatedQuote(let line, let column):
                unterminated(line, column)
                return true
            case .record:
                if spans.allSatisfy(\.isEmpty) { continue }
                var count = spans.count
                while count > header.count, spans[count - 1].isEmpty { count -= 1 }
                if count != header.count {
                    report.error("row has \(count) field\(count == 1 ? "" : "s"), the header has \(header.count)",
                                 line: reader.recordLine,
                                 hint: "check for a missing or extra separator; text containing commas must be in double quotes")
                    continue
                }
                scratch.withUnsafeBufferPointer { s in
                    spans.withUnsafeBufferPointer { fields in
                        var row = RowReader(base: b, scratch: s, spans: fields, table: layout, report: report,
                                            line: reader.recordLine)
                        body(&row)
                    }
                }
            }
        }
    }

    private func read(_ cells: CellTable, _ body: (inout RowReader) -> Void) -> Bool {
        // The rules CSV files follow hold for cells too: UTF-8 without control characters.
        let bad = cells.storage.withUnsafeBufferPointer { b -> (offset: Int, message: String, hint: String)? in
            if let offset = ByteText.firstInvalidUTF8(b) {
                return (offset, "the cell is not valid UTF-8 text", "store the text as UTF-8")
            }
            guard let problem = SourceFile.controlCharacterProblem(in: b, file: cells.file) else { return nil }
            let offset = b.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } ?? 0
            return (offset, "the cell" + problem.message.dropFirst("the file".count), problem.hint ?? "")
        }
        if let bad {
            let width = max(cells.headers.count, 1)
            let index = cells.spans.firstIndex { $0.start <= bad.offset && bad.offset < $0.end } ?? 0
            report.error(bad.message, line: cells.lines.isEmpty ? nil : cells.lines[index / width], cell: index % width,
                         hint: bad.hint)
            return false
        }
        guard let layout = TableLayout(schema: schema, headers: cells.headers, settings: settings, report: report,
                                       checkRequired: true, headerLine: cells.headerLine) else { return false }
        rows(cells.storage, cells.spans, lines: cells.lines, layout: layout, body)
        return true
    }

    private func readJSON(_ b: UnsafeBufferPointer<UInt8>, start: Int, _ body: (inout RowReader) -> Void) -> Bool {
        let json: JSONTableReader
        do {
            json = try JSONTableReader(bytes: b, start: start, listSeparator: Array(settings.listSeparator.utf8))
        } catch {
            report.error("this is not valid JSON: \(error.message)", line: error.line, column: error.column,
                         hint: "the file must be a list of rows: [{\"field\": \"value\", …}, …]")
            return false
        }
        guard let layout = TableLayout(schema: schema, headers: json.headers, settings: settings, report: report,
                                       checkRequired: !json.lines.isEmpty) else { return false }
        rows(json.storage, json.spans, lines: json.lines, layout: layout, body)
        return true
    }

    /// Hands each non-blank row of a table already split into cells (row-major `spans`, one line per row) to `body`.
    private func rows(_ storage: [UInt8], _ spans: [FieldSpan], lines: [Int], layout: TableLayout,
                      _ body: (inout RowReader) -> Void) {
        let width = layout.headers.count
        storage.withUnsafeBufferPointer { storage in
            spans.withUnsafeBufferPointer { all in
                for (r, line) in lines.enumerated() {
                    let fields = UnsafeBufferPointer(rebasing: all[(r * width)..<((r + 1) * width)])
                    if fields.allSatisfy(\.isEmpty) { continue }
                    var row = RowReader(base: storage, scratch: storage, spans: fields, table: layout, report: report,
                                        line: line)
                    body(&row)
                }
            }
        }
    }
}
