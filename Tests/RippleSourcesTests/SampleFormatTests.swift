import Foundation
import RippleCore
import RippleData
import RippleSources
import Testing

/// `ripple sample-data --format xlsx|sqlite` writes the same program as the CSV files.
@Suite struct SampleFormatTests {
    typealias F = WorkbookFixtures

    private var tables: [CellTable] {
        F.sampleCSV.compactMap { CellTable(csv: $0, table: String($0.path.split(separator: "/").last!.dropLast(4))) }
    }

    @Test func workbookHoldsTheSameProgram() throws {
        let bytes = try WorkbookWriter.workbook(tables)
        #expect(try WorkbookWriter.workbook(tables) == bytes, "the same tables give the same bytes")
        let xlsx = ProgramReader(settings: DataSettings()).load([DataFile(path: "content/data/program.xlsx", bytes: bytes)])
        #expect(F.text(xlsx.diagnostics) == "")
        #expect(F.describe(xlsx.program) == F.describe(ProgramReader(settings: DataSettings()).load(F.sampleCSV).program))
        // Read back, the sheets are the sample's CSV byte for byte.
        let snapshot = ProgramReader(settings: DataSettings()).snapshot([DataFile(path: "content/data/program.xlsx", bytes: bytes)])
        #expect(snapshot.map(\.bytes) == F.sampleCSV.sorted { $0.path < $1.path }.map(\.bytes))
    }

    @Test func sqliteHoldsTheSameProgram() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "ripple-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try SQLiteWriter.write(tables, to: folder.appending(path: "program.db").path)
        var settings = DataSettings()
        settings.source = .sqlite(path: "program.db")
        let read = DatabaseReader(settings: settings, root: folder.path).read()
        #expect(F.text(read.diagnostics) == "")
        let loaded = ProgramReader(settings: settings).load([], tables: read.tables)
        #expect(F.describe(loaded.program) == F.describe(ProgramReader(settings: DataSettings()).load(F.sampleCSV).program))
    }
}

/// Cells follow the rules CSV files do: a control character from a database is a located error.
@Suite struct CellRulesTests {
    @Test func controlCharacterInADatabaseCell() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "ripple-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tables = WorkbookFixtures.sampleCSV.compactMap { file -> CellTable? in
            var bytes = file.bytes
            if file.path.hasSuffix("participants.csv"), let comma = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                bytes.insert(0x1B, at: comma + 3)
            }
            return CellTable(csv: DataFile(path: file.path, bytes: bytes),
                             table: String(file.path.split(separator: "/").last!.dropLast(4)))
        }
        try SQLiteWriter.write(tables, to: folder.appending(path: "program.db").path)
        var settings = DataSettings()
        settings.source = .sqlite(path: "program.db")
        let read = DatabaseReader(settings: settings, root: folder.path).read()
        let loaded = ProgramReader(settings: settings).load([], tables: read.tables)
        #expect(loaded.program == nil)
        #expect(WorkbookFixtures.text(loaded.diagnostics) == """
            program.db[participants]:A2: error: the cell holds the invisible control character U+001B, which web pages and e-books cannot hold
              hint: delete it (it usually comes from pasted text); tabs and line breaks are fine
            """)
    }
}

/// `data.columns` maps a workbook's own headers as it maps a CSV file's.
@Suite struct WorkbookColumnMappingTests {
    @Test func platformHeadersAreMapped() throws {
        let tables = WorkbookFixtures.sampleCSV.compactMap { file -> CellTable? in
            var text = String(decoding: file.bytes, as: UTF8.self)
            if file.path.hasSuffix("participants.csv") {
                text = text.replacingOccurrences(of: "participant_id,", with: "Employee ID,", options: .anchored)
            }
            return CellTable(csv: DataFile(path: file.path, bytes: Array(text.utf8)),
                             table: String(file.path.split(separator: "/").last!.dropLast(4)))
        }
        let workbook = [DataFile(path: "content/data/program.xlsx", bytes: try WorkbookWriter.workbook(tables))]
        let unmapped = ProgramReader(settings: DataSettings()).load(workbook)
        #expect(WorkbookFixtures.text(unmapped.diagnostics).hasPrefix("""
            content/data/program.xlsx[Participants]:1: error: the required column 'participant_id' is missing
            """))
        var settings = DataSettings()
        settings.columns = ["participants": ["participant_id": "Employee ID"]]
        let mapped = ProgramReader(settings: settings).load(workbook)
        #expect(WorkbookFixtures.text(mapped.diagnostics) == "")
        #expect(WorkbookFixtures.describe(mapped.program)
            == WorkbookFixtures.describe(ProgramReader(settings: DataSettings()).load(WorkbookFixtures.sampleCSV).program))
    }
}
