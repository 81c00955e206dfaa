import Testing
@testable import RippleCore

@Suite struct DayTests {
    @Test func parsesAndFormatsISODates() {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2023-13-01") == nil)
        #expect(Day(iso: "2023-1-01") == nil)
        #expect(Day(iso: "1969-12-31")?.ordinal == -1)
    }

    @Test func arithmetic() {
        let day = Day(iso: "2026-01-31")!
        #expect(day.adding(days: 1).iso == "2026-02-01")
        #expect(day.days(to: Day(iso: "2026-03-01")!) == 29)
        #expect(day.firstOfMonth(offsetBy: -1).iso == "2025-12-01")
        #expect(day.firstOfMonth(offsetBy: 13).iso == "2027-02-01")
    }

    /// `ripple sample-data --as-of 0001-01-01` crashed here (a force-unwrap); extreme input must not trap.
    @Test func extremeDatesDoNotTrap() {
        #expect(Day(iso: "0001-01-01")!.firstOfMonth(offsetBy: -1).iso == "0000-12-01")
        #expect(Day(iso: "0001-01-01")!.firstOfMonth(offsetBy: -13).components == (-1, 12, 1))
        #expect(Day(iso: "9999-12-31")!.firstOfMonth(offsetBy: 1).components == (10000, 1, 1))
        #expect(Day(iso: "2026-11-20")!.adding(days: Int.max).ordinal == Int32.max)
        #expect(Day(ordinal: .min).adding(days: Int.min).ordinal == Int32.min)
        #expect(Day.earliest.iso == "1970-01-01" && Day.latestAsOf.iso == "2200-12-31")
    }

    @Test func diagnosticText() {
        let d = Diagnostic.error("not a date", at: SourceLocation(file: "content/data/pairs.csv", line: 4, field: "start_date"),
                                 hint: "write dates as YYYY-MM-DD")
        #expect(d.description == "content/data/pairs.csv:4: error: field 'start_date': not a date\n  hint: write dates as YYYY-MM-DD")
    }
}
