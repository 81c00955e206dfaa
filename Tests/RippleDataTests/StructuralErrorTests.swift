import Testing
import RippleCore
@testable import RippleData

@Suite struct StructuralErrorTests {
    func texts(cohorts bytes: [UInt8], name: String = "cohorts.csv") -> [String] {
        var files = Fixtures.files(Fixtures.tables()).filter { !$0.path.hasSuffix("cohorts.csv") }
        files.append(DataFile(path: "content/data/\(name)", bytes: bytes))
        return ProgramLoader(settings: DataSettings()).load(files).diagnostics
            .filter { $0.location?.file == "content/data/\(name)" }.map(\.description)
    }

    @Test func invalidUTF8() {
        let bytes = Array("cohort_id,name,program_type,start_date\nC1,Caf".utf8) + [0xE9] + Array(",peer,2025-01-01\n".utf8)
        #expect(texts(cohorts: bytes) == [
            "content/data/cohorts.csv:2: error: the file is not valid UTF-8 text\n  hint: export or save the file again as UTF-8 (in Excel: Save As › CSV UTF-8)",
        ])
    }

    @Test func emptyFileAndHeaderOnly() {
        #expect(texts(cohorts: Array(" \r\n".utf8)) == [
            "content/data/cohorts.csv: error: the file is empty\n  hint: export the table again with its header row; a header without rows is fine",
        ])
        #expect(texts(cohorts: Array("cohort_id,name,program_type,start_date\n".utf8)).isEmpty)
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}cohort_id,name,program_type,start_date\r\nC1,\"Spring, 2025\",Traditional,2025-02-01\r\n"
        var files = Fixtures.files(Fixtures.tables()).filter { !$0.path.hasSuffix("cohorts.csv") }
        files.append(DataFile(path: "content/data/cohorts.csv", bytes: Array(text.utf8)))
        let (program, diagnostics) = ProgramLoader(settings: DataSettings()).load(files)
        #expect(diagnostics.isEmpty)
        #expect(try #require(program).cohorts[0].name == "Spring, 2025")
    }

    @Test func wrongFieldCountAndUnterminatedQuote() {
        let text = "cohort_id,name,program_type,start_date\nC1,\"A\nB\",peer\nC2,X,peer,2025-01-01\nC3,\"open,peer,2025-01-01\nC4,Y,peer,2025-01-01\n"
        #expect(texts(cohorts: Array(text.utf8)) == [
            "content/data/cohorts.csv:2: error: row has 3 fields, the header has 4\n  hint: check for a missing or extra separator; text containing commas must be in double quotes",
            "content/data/cohorts.csv:5:4: error: a quoted field is never closed: the quote opened here has no closing quote\n  hint: add the missing double quote (\"); a quote inside a quoted field is written twice (\"\")",
        ])
    }

    @Test func hugeFieldAndBinaryGarbageDoNotCrash() {
        let huge = "cohort_id,name,program_type,start_date\nC1,\(String(repeating: "x", count: 10_000_000)),peer,nope\n"
        #expect(texts(cohorts: Array(huge.utf8)) == [
            "content/data/cohorts.csv:2: error: field 'start_date': 'nope' is not a valid date\n  hint: write dates as YYYY-MM-DD",
        ])
        var random = SampleRandom(seed: 42)
        let garbage = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        #expect(texts(cohorts: garbage).count == 1)
        let unclosed = "cohort_id,name,program_type,start_date\n\"" + String(repeating: "y", count: 10_000_000)
        #expect(texts(cohorts: Array(unclosed.utf8)).count == 1)
    }

    @Test func diagnosticsAreCappedPerFile() {
        let rows = (1...80).map { "C\($0),Name,peer,bad" }.joined(separator: "\n")
        let texts = texts(cohorts: Array("cohort_id,name,program_type,start_date\n\(rows)\n".utf8))
        #expect(texts.count == 51)
        #expect(texts.last == "content/data/cohorts.csv:51: note: … and 30 more problems in this file\n  hint: fix the problems above and run again to see the rest")
    }

    @Test func jsonTablesWithLinesListsAndErrors() throws {
        let json = """
        [
          {"cohort_id": "C1", "name": "Spring", "program_type": "traditional", "start_date": "2025-02-01", "end_date": null},
          {"cohort_id": "C2", "name": "Sum\\u00e9r", "program_type": "peer",
           "start_date": "2025-13-01"}
        ]
        """
        #expect(texts(cohorts: Array(json.utf8), name: "cohorts.json") == [
            "content/data/cohorts.json:3: error: field 'start_date': '2025-13-01' is not a valid date\n  hint: write dates as YYYY-MM-DD",
        ])
        #expect(texts(cohorts: Array("[{\"cohort_id\": \"C1\",}]".utf8), name: "cohorts.json") == [
            "content/data/cohorts.json:1:21: error: this is not valid JSON: expected a field name in double quotes\n  hint: the file must be a list of rows: [{\"field\": \"value\", …}, …]",
        ])
        let participants = """
        [{"participant_id": "P1", "department": "Eng", "level": "L5", "roles": ["mentor", "mentee"],
          "joined_date": "2025-01-06", "mentor_capacity": 2, "directory_opt_in": true},
         {"participant_id": "P2", "department": "Sales", "level": "L2", "roles": "mentee", "joined_date": "2025-01-10"},
         {"participant_id": "P3", "department": "Fin", "level": "L3", "roles": "mentor", "joined_date": "2025-01-12"}]
        """
        var files = Fixtures.files(Fixtures.tables()).filter { !$0.path.hasSuffix("participants.csv") }
        files.append(DataFile(path: "content/data/participants.json", bytes: Array(participants.utf8)))
        let (program, diagnostics) = ProgramLoader(settings: DataSettings()).load(files)
        #expect(diagnostics.isEmpty)
        let p = try #require(program)
        #expect(p.participants[0].roles == [.mentor, .mentee] && p.participants[0].directoryOptIn)
        #expect(p.participants[0].mentorCapacity == 2)
    }
}
