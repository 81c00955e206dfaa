import RippleCore
import RippleData
@testable import RippleSources
import Testing

@Suite struct WorkbookReaderTests {
    typealias F = WorkbookFixtures

    private func load(_ files: [DataFile], sheets: [String: String] = [:]) -> (program: Program?, diagnostics: [Diagnostic]) {
        var settings = DataSettings()
        settings.sheets = sheets
        return ProgramReader(settings: settings).load(files)
    }

    @Test func openpyxlWorkbookGivesTheSameProgramAsCSV() throws {
        let csv = load(F.sampleCSV)
        let xlsx = load([F.file("program.xlsx")])
        #expect(csv.program != nil)
        #expect(F.text(xlsx.diagnostics) == "")
        #expect(F.describe(xlsx.program) == F.describe(csv.program))
    }

    @Test func workbookInThe1904DateSystemWithDayFirstFormat() {
        let xlsx = load([F.file("program-1904.xlsx")])
        #expect(F.text(xlsx.diagnostics) == "")
        #expect(F.describe(xlsx.program) == F.describe(load(F.sampleCSV).program))
    }

    @Test func libreOfficeExportsOnePerTable() {
        let files = ["participants", "cohorts", "pairs", "sessions", "goals", "feedback", "trainings"].map {
            F.file("libreoffice/\($0).xlsx", as: "\($0).xlsx")
        }
        let xlsx = load(files)
        #expect(F.text(xlsx.diagnostics) == "")
        #expect(F.describe(xlsx.program) == F.describe(load(F.sampleCSV).program))
    }

    @Test func sheetsMappedInConfig() {
        let unmapped = load([F.file("mapped.xlsx")])
        #expect(unmapped.program == nil)
        #expect(F.text(unmapped.diagnostics).contains("""
            content/data/mapped.xlsx[People]: warning: ignoring the sheet 'People': it is not named after a Ripple table
            """))
        let mapped = load([F.file("mapped.xlsx")], sheets: ["participants": "People", "pairs": "Matches"])
        #expect(F.text(mapped.diagnostics) == "")
        #expect(mapped.program?.participants.count == 60)
        let missing = load([F.file("mapped.xlsx")], sheets: ["participants": "People", "pairs": "Pairings"])
        #expect(F.text(missing.diagnostics).contains("""
            ripple.yaml: error: no workbook has the sheet 'Pairings' that data.sheets.pairs names
              hint: check the sheet's name (sheet names are matched exactly) or remove the mapping
            """))
    }

    @Test func badDateIsLocatedAtItsCell() {
        let result = load([F.file("bad-date.xlsx", as: "program.xlsx")])
        #expect(result.program == nil)
        #expect(F.text(result.diagnostics) == """
            content/data/program.xlsx[Sessions]:C17: error: field 'date': '2024-02-30' is not a valid date
              hint: write dates as YYYY-MM-DD
            """)
        let json = DiagnosticJSON.encode(result.diagnostics)
        #expect(json.contains(#""file": "content/data/program.xlsx", "sheet": "Sessions", "line": 17, "column": 3, "field": "date""#))
    }

    @Test func formulaErrorIsLocatedAtItsCell() {
        let result = load([F.file("formula-error.xlsx", as: "program.xlsx")])
        #expect(result.program == nil)
        #expect(F.text(result.diagnostics) == """
            content/data/program.xlsx[Sessions]:D5: error: the cell holds the spreadsheet error '#N/A'
              hint: fix the formula or type the value in; Ripple reads the value a formula last calculated
            """)
    }

    @Test func mergedHeaderCells() {
        let result = load([F.file("merged-header.xlsx", as: "program.xlsx")])
        #expect(result.program == nil)
        #expect(F.text(result.diagnostics).hasPrefix("""
            content/data/program.xlsx[Cohorts]:A1: error: the header cells A1:B1 are merged, so only the first of those columns has a header
              hint: unmerge them and give each column its own header in row 1
            """))
    }

    @Test func zipBombIsRefused() {
        let result = load([F.file("zip-bomb.xlsx", as: "program.xlsx")], sheets: ["participants": "People", "pairs": "Matches"])
        #expect(result.program == nil)
        #expect(F.text(result.diagnostics) == """
            content/data/program.xlsx[People]: error: the workbook's part xl/worksheets/sheet1.xml expands to more than Ripple reads (1 GiB in all, and at most 200 times the file's size past 16 MiB): it looks like a zip bomb
              hint: check where the file came from; a real workbook this large should be read from a database source instead
            """)
    }

    @Test func damagedWorkbook() {
        let result = load([F.file("truncated.xlsx", as: "program.xlsx")])
        #expect(result.program == nil)
        #expect(F.text(result.diagnostics) == """
            content/data/program.xlsx: error: the file is not an Excel workbook (.xlsx): it is not a zip archive, or a damaged one
              hint: open it in a spreadsheet program and save it again as Excel Workbook (.xlsx)
            """)
    }

    @Test func workbookAndCSVForTheSameTable() {
        let files = [F.file("program.xlsx")] + F.sampleCSV.filter { $0.path.hasSuffix("cohorts.csv") }
        let result = load(files)
        #expect(F.text(result.diagnostics) == """
            content/data/cohorts.csv: error: the table 'cohorts' is given twice, as program.xlsx[Cohorts] and cohorts.csv
              hint: keep only one of the two files
            """)
    }

    @Test func columnLetters() {
        #expect([1, 3, 26, 27, 52, 703, 16_384].map(SourceLocation.columnLetters) == ["A", "C", "Z", "AA", "AZ", "AAA", "XFD"])
        #expect(CellReference("XFD1048576") == CellReference("$XFD$1048576"))
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("A1048577") == nil)
    }

    @Test func dateFormats() {
        #expect(NumberFormat.showsDate("yyyy\\-mm\\-dd"))
        #expect(NumberFormat.showsDate("d/m/yyyy;@"))
        #expect(NumberFormat.showsDate("[$-409]mmmm d, yyyy"))
        #expect(!NumberFormat.showsDate("General"))
        #expect(!NumberFormat.showsDate("0.00\" days\""))
        #expect(!NumberFormat.showsDate("[h]:mm:ss"))
        #expect(ExcelDate.iso(serial: 45292, date1904: false) == "2024-01-01")
        #expect(ExcelDate.iso(serial: 43830, date1904: true) == "2024-01-01")
        #expect(ExcelDate.iso(serial: 59, date1904: false) == "1900-02-28")
        #expect(ExcelDate.iso(serial: 61, date1904: false) == "1900-03-01")
    }
}

/// Checks made after the rows are read (dates far after the data) point at the cell too.
@Suite struct WorkbookLaterCheckTests {
    @Test func farDateIsLocatedAtItsCell() throws {
        let tables = WorkbookFixtures.sampleCSV.compactMap { file -> CellTable? in
            var bytes = file.bytes
            if file.path.hasSuffix("sessions.csv") {
                bytes += Array("S9999999,PR000041,2126-03-04,60,completed,mentor,in_person,4,4,\n".utf8)
            }
            return CellTable(csv: DataFile(path: file.path, bytes: bytes),
                             table: String(file.path.split(separator: "/").last!.dropLast(4)))
        }
        let sessions = try #require(tables.first { $0.table == "sessions" })
        let bytes = try WorkbookWriter.workbook(tables)
        let result = ProgramReader(settings: DataSettings()).load([DataFile(path: "content/data/program.xlsx", bytes: bytes)])
        #expect(WorkbookFixtures.text(result.diagnostics) == """
            content/data/program.xlsx[Sessions]:C\(sessions.rowCount + 1): error: field 'date': '2126-03-04' is more than a year after the rest of the data, which ends by 2026-11-20
              hint: fix the date, or set program.as_of in ripple.yaml if it is right
            """)
    }
}
