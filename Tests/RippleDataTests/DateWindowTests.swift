import Testing
import RippleCore
@testable import RippleData

/// The sanity window for data dates (issue 23, item 5) and the other per-value rules that keep one bad
/// cell from reshaping the site: cohort ids that would share a URL, control characters.
@Suite struct DateWindowTests {
    private func day(_ text: String) -> Day { Day(iso: text)! }

    @Test func bulkEndsAtTheFirstYearLongGapAfterTheMedian() {
        var window = DateWindow()
        for text in ["2024-01-05", "2024-06-01", "2025-03-01", "2025-11-30", "2126-03-04"] { window.add(day(text)) }
        #expect(window.bulkEnd == day("2025-11-30"))
    }

    @Test func aProgramThatTapersOffHasNoOutlier() {
        var window = DateWindow()
        for month in 1...12 { for _ in 0..<50 { window.add(day("2022-\(month < 10 ? "0" : "")\(month)-15")) } }
        for text in ["2023-09-01", "2024-08-01", "2025-07-01"] { window.add(day(text)) }  // under a year apart
        #expect(window.bulkEnd == day("2025-07-01"))
    }

    @Test func emptyWindowHasNoBulk() {
        #expect(DateWindow().bulkEnd == nil)
    }

    @Test func aSessionACenturyAheadIsLocated() {
        let sessions = Fixtures.sessions + "\nS4,PR1,2126-03-04,60,completed,mentor,video,,,"
        #expect(Fixtures.texts(["sessions": sessions]) == [
            "content/data/sessions.csv:5: error: field 'date': '2126-03-04' is more than a year after the rest of the data, which ends by 2025-12-31\n  hint: fix the date, or set program.as_of in ripple.yaml if it is right",
        ])
    }

    @Test func theMappedHeaderIsNamed() {
        let sessions = Fixtures.sessions.replacingOccurrences(of: "session_id,pair_id,date,", with: "session_id,pair_id,Session day,")
            + "\nS4,PR1,9999-12-31,60,completed,mentor,video,,,"
        var settings = DataSettings()
        settings.columns = ["sessions": ["date": "Session day"]]
        #expect(Fixtures.texts(["sessions": sessions], settings: settings) == [
            "content/data/sessions.csv:5: error: field 'Session day': '9999-12-31' is more than a year after the rest of the data, which ends by 2025-12-31\n  hint: fix the date, or set program.as_of in ripple.yaml if it is right",
        ])
    }

    @Test func withAsOfLaterDatesAreLeftToTheMetrics() {
        let sessions = Fixtures.sessions + "\nS4,PR1,9999-12-31,60,completed,mentor,video,,,"
        let loaded = ProgramLoader(settings: DataSettings(), asOf: Day(iso: "2025-06-30"))
            .load(Fixtures.files(Fixtures.tables(["sessions": sessions])))
        #expect(loaded.diagnostics.isEmpty && loaded.program?.sessions.count == 4)
    }

    @Test func asOfFarAfterTheDataIsRefused() {
        let loaded = ProgramLoader(settings: DataSettings(), asOf: Day(iso: "2200-12-31")).load(Fixtures.files(Fixtures.tables()))
        #expect(loaded.program == nil)
        #expect(loaded.diagnostics.map(\.description) == [
            "ripple.yaml: error: program.as_of 2200-12-31 is more than a year after the data, which ends by 2025-12-31\n  hint: set as_of to the reporting date, or remove it to report up to the latest date in the data",
        ])
        #expect(ProgramLoader(settings: DataSettings(), asOf: Day(iso: "2026-12-31")).load(Fixtures.files(Fixtures.tables())).diagnostics.isEmpty)
    }

    @Test func datesBefore1970AreRefusedEvenWithAsOf() {
        let pairs = Fixtures.pairs.replacingOccurrences(of: "2025-02-03", with: "0001-02-03")
        let loaded = ProgramLoader(settings: DataSettings(), asOf: Day(iso: "2025-06-30"))
            .load(Fixtures.files(Fixtures.tables(["pairs": pairs])))
        #expect(loaded.diagnostics.map(\.description) == [
            "content/data/pairs.csv:2: error: field 'start_date': '0001-02-03' is before 1970-01-01\n  hint: fix the date: program data starts in 1970 or later",
        ])
    }

    @Test func goalTargetsMayLieFarAhead() {
        let goals = """
        goal_id,pair_id,owner_id,competency,created_date,target_date,completed_date,status
        G1,PR1,P2,writing,2025-02-10,2031-12-31,,open
        """
        #expect(Fixtures.texts(["goals": goals]).isEmpty)
    }

    @Test func cohortIdsThatShareAnAddressAreRefused() {
        let cohorts = Fixtures.cohorts + "\nc1,Spring again,traditional,2025-02-01,\nC.1,Third,peer,2025-02-01,"
        #expect(Fixtures.texts(["cohorts": cohorts]) == [
            "content/data/cohorts.csv:3: error: field 'cohort_id': 'c1' would share the web address dashboards/cohorts/c1/ with the cohort 'C1' on row 2\n  hint: cohort ids become addresses in lower case with punctuation as dashes; give the cohorts ids that differ in their letters or digits",
        ])
        #expect(Cohort.slug(forID: "C-2023Q1-R") == Cohort.slug(forID: "c-2023q1-r"))
        #expect(Cohort.slug(forID: "C 1") == "c-1" && Cohort.slug(forID: "C.1") == "c-1")
    }

    @Test func controlCharactersInDataAreLocated() {
        let participants = Fixtures.participants.replacingOccurrences(of: "Sales", with: "Sa\u{1B}[2Jles")
        #expect(Fixtures.texts(["participants": participants]) == [
            "content/data/participants.csv:3:20: error: the file holds the invisible control character U+001B, which web pages and e-books cannot hold\n  hint: delete it (it usually comes from pasted text); tabs and line breaks are fine",
        ])
    }
}
