import RippleCore
import Testing
@testable import RippleData

/// The optional headcount (eligible employees per department), from `headcount.csv` or `program.headcount`.
@Suite struct HeadcountTests {
    @Test func aHeadcountFileIsReadPerDepartment() throws {
        let loaded = Fixtures.load(["headcount": "department,headcount\nEngineering,240\nSales,120\n"])
        #expect(loaded.diagnostics.isEmpty)
        #expect(try #require(loaded.program).headcount == ["Engineering": 240, "Sales": 120])
    }

    @Test func badRowsAreLocatedAndSayWhatToDo() {
        let headcount = "department,headcount\nSals,120\nSales,-3\nFinance,lots\nEngineering,10\nEngineering,12\n"
        #expect(Fixtures.texts(["headcount": headcount]) == [
            "content/data/headcount.csv:2: error: field 'department': no participant is in the department 'Sals'\n  hint: write the department exactly as the department column of participants.csv does ('Engineering', 'Finance', 'Sales'), or remove it",
            "content/data/headcount.csv:3: error: field 'headcount': '-3' is below 0\n  hint: write 0 or more",
            "content/data/headcount.csv:4: error: field 'headcount': 'lots' is not a whole number\n  hint: write a whole number such as 3",
            "content/data/headcount.csv:6: error: field 'department': 'Engineering' is used again; it is already the department on row 5\n  hint: every department must be unique; remove or renumber the duplicate row",
        ])
    }

    @Test func theConfiguredHeadcountIsCheckedAgainstTheDepartments() {
        let entries = [
            HeadcountEntry(department: "Sales", count: 120, location: SourceLocation(file: "ripple.yaml", line: 4, column: 24)),
            HeadcountEntry(department: "Legal", count: 9, location: SourceLocation(file: "ripple.yaml", line: 4, column: 36)),
        ]
        let loaded = ProgramLoader(settings: DataSettings(), headcount: entries).load(Fixtures.files(Fixtures.tables()))
        #expect(loaded.diagnostics.map(\.description) == [
            "ripple.yaml:4:36: error: no participant is in the department 'Legal' that program.headcount names\n  hint: write the department exactly as the department column of participants.csv does ('Engineering', 'Finance', 'Sales'), or remove it",
        ])
        let fine = ProgramLoader(settings: DataSettings(), headcount: [entries[0]]).load(Fixtures.files(Fixtures.tables()))
        #expect(fine.program?.headcount == ["Sales": 120])
    }

    @Test func theHeadcountIsGivenOnce() {
        let entries = [HeadcountEntry(department: "Sales", count: 120, location: SourceLocation(file: "ripple.yaml", line: 4, column: 24))]
        let files = Fixtures.files(Fixtures.tables(["headcount": "department,headcount\nSales,120\n"]))
        #expect(ProgramLoader(settings: DataSettings(), headcount: entries).load(files).diagnostics.map(\.description) == [
            "ripple.yaml:4:24: error: the headcount is given twice, in ripple.yaml (program.headcount) and as headcount.csv\n  hint: keep only one of the two",
        ])
    }
}
