import Testing
@testable import RippleRender

/// The published-CSV formula rule (issue 23, item 16): spreadsheets skip a leading tab, carriage return or
/// line feed and then run `=`, `+`, `-` or `@` as a formula, so such cells are prefixed with `'` too.
@Suite struct ReportCSVTests {
    @Test func formulaPrefixesAreNeutralised() {
        #expect(ReportCSV.field("=1+2") == "'=1+2")
        #expect(ReportCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(ReportCSV.field("\t=1+2") == "'\t=1+2")
        #expect(ReportCSV.field("\r=1+2") == "\"'\r=1+2\"")
        #expect(ReportCSV.field("\n-1+2") == "\"'\n-1+2\"")
        #expect(ReportCSV.field("\r\n=1") == "\"'\r\n=1\"")
    }

    @Test func numbersAndPlainTextAreKept() {
        #expect(ReportCSV.field("-12.5") == "-12.5")
        #expect(ReportCSV.field("+3") == "+3")
        #expect(ReportCSV.field("People & Culture") == "People & Culture")
        #expect(ReportCSV.field("a, b") == "\"a, b\"")
    }
}
