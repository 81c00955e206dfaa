import RippleCore
import Testing
@testable import RippleMetrics

@Suite struct CoreMetricsTests {
    let set = MetricsEngine(settings: Fixtures.settings()).compute(Fixtures.small)

    @Test func periodsAreAllThenQuartersThenCohorts() {
        #expect(set.asOf == Fixtures.day("2026-06-30"))
        #expect(set.periods.map(\.id) == ["all", "2026-Q1", "2026-Q2", "cohort:c1", "cohort:c2"])
        let all = set.period("all")!
        #expect(all.start == Fixtures.day("2026-01-10") && all.end == Fixtures.day("2026-06-30"))
        #expect(set.quarters.map(\.label) == ["Q1 2026", "Q2 2026"])
        #expect(set.quarters.last?.toDate == false)
        let reverse = set.period("cohort:c2")!
        #expect(reverse.cohortName == "Reverse pilot" && reverse.programType == .reciprocal && reverse.toDate)
    }

    @Test func firstQuarter() {
        let q = set.period("2026-Q1")!
        // In pairs: m1, m2, both mentor P0–P2; e1, e2, gone are mentored ("both" holds the mentee role but
        // no mentee pair yet). Enrolled: all but "late"; by roles 3 mentors, 4 mentees.
        #expect(q.participantsActive == 6 && q.mentorsActive == 3 && q.menteesActive == 3)
        #expect(q.participantsEnrolled == 6 && q.mentorsEnrolled == 3 && q.menteesEnrolled == 4)
        #expect(q.pairsActive == 3 && q.pairsStarted == 3)
        #expect(q.sessionsCompleted == 4 && q.sessionHours == 4.0)
        #expect(q.avgSessionRating == 4.0)
        #expect(q.crossDepartmentShare == 0.667 && q.crossLevelShare == 1.0)
        #expect(q.roleSwapShare == 0.333)
        #expect(q.atRiskPairs == 0)
        #expect(q.medianDaysToMatch == 17.5)
        #expect(q.goalsAchieved == 1 && q.goalsSet == 2 && q.goalCompletionRate == 1.0)
        #expect(q.trainingsCompleted == [Keyed("active_listening", 1), Keyed("challenging", 1), Keyed("guiding", 1),
                                         Keyed("orientation", 0), Keyed("powerful_questions", 1)])
        #expect(q.matchRate == 0.75 && q.mentorCapacityUse == 0.667)
        // Active on 03-31: P0 (last session 02-20), P1 (02-01); neither met since 03-02.
        #expect(q.monthlyMeetingShare == 0.0)
        #expect(q.pairsClosedEarly == 1 && q.pairsCompleted == 0 && q.completionRate == 0.0)
        #expect(q.mentorTrainingCoverage == 0.333 && q.menteeTrainingCoverage == 0.0)
        #expect(q.sessionsLedByMentor == 2 && q.sessionsLedByMentee == 1 && q.sessionsLedJointly == 1)
        #expect(q.departmentsConnected == 2 && q.menteesBecameMentors == 0 && q.returningParticipants == 0)
        #expect(q.surveyScore == [Keyed("program/q/participant", nil), Keyed("pulse/q/mentee", 0.7)])
        #expect(q.surveyResponseRate == 0.333)
        #expect(q.suppressed.isEmpty)
    }

    @Test func secondQuarterEdgeCases() {
        let q = set.period("2026-Q2")!
        // "gone" left on the last day of Q1; "late" joined in May.
        // Paired: m1, e1, m2, e2, both, late. The reciprocal cohort's pairs P3–P5 make both people mentors and
        // mentees: mentors m1, m2, both, late, e2; mentees e1, e2, both, m1, late, m2.
        #expect(q.participantsActive == 6 && q.mentorsActive == 5 && q.menteesActive == 6)
        #expect(q.participantsEnrolled == 6 && q.mentorsEnrolled == 3 && q.menteesEnrolled == 4)
        // Only m1 is trained: 1 of 5 active mentors, 1 of 6 active mentees.
        #expect(q.mentorTrainingCoverage == 0.2 && q.menteeTrainingCoverage == 0.167)
        // P1 ends on 1 April, the quarter's first day: still active. P3 is paused: active.
        #expect(q.pairsActive == 5 && q.pairsStarted == 3)
        // S4 falls on as_of and counts.
        #expect(q.sessionsCompleted == 2 && q.sessionHours == 1.8)
        #expect(q.avgSessionRating == 5.0)
        #expect(q.crossDepartmentShare == 0.4 && q.crossLevelShare == 1.0 && q.roleSwapShare == 0.5)
        // The paused pair P3 has had no session since it started 86 days before as_of.
        #expect(q.atRiskPairs == 1)
        #expect(q.medianDaysToMatch == 11)
        #expect(q.goalsAchieved == 0 && q.goalCompletionRate == 0.0)
        #expect(q.matchRate == 1.0 && q.mentorCapacityUse == 1.333 && q.sessionsPerActivePair == 0.4)
        // Active on 06-30: P0 (met that day), P3, P4 (05-10), P5.
        #expect(q.monthlyMeetingShare == 0.25)
        #expect(q.pairsCompleted == 1 && q.completionRate == 1.0)
        // "both" was a mentee in P3 (April) and mentors P5 (June).
        #expect(q.menteesBecameMentors == 1 && q.returningParticipants == 4)
        #expect(q.surveyScore == [Keyed("program/q/participant", 0.9), Keyed("pulse/q/mentee", nil)])
    }

    @Test func wholeProgramAndCohorts() {
        let all = set.period("all")!
        #expect(all.participantsActive == 7 && all.pairsActive == 6 && all.sessionsCompleted == 6)
        #expect(all.sessionHours == 5.8 && all.avgSessionRating == 4.25)
        let spring = set.period("cohort:c1")!
        #expect(spring.participantsActive == 6 && spring.pairsActive == 3 && spring.sessionsCompleted == 5)
        #expect(spring.goalsSet == 2)
        let reverse = set.period("cohort:c2")!
        #expect(reverse.pairsActive == 3 && reverse.sessionsCompleted == 1 && reverse.atRiskPairs == 1)
        #expect(set.reach.map(\.participantsReached) == [6, 7])
    }

    @Test func noRatingsIsNullNotSuppressed() {
        var program = Fixtures.small
        for i in program.sessions.indices { program.sessions[i].ratingMentor = nil; program.sessions[i].ratingMentee = nil }
        let q = MetricsEngine(settings: Fixtures.settings()).compute(program).period("2026-Q1")!
        #expect(q.avgSessionRating == nil)
        #expect(!q.isSuppressed("avg_session_rating"))
        #expect(q.value(for: "avg_session_rating") == .unavailable)
    }

    @Test func breakdownsAndMatrix() {
        let q = set.period("2026-Q1")!
        #expect(q.byDepartment.groups == ["Eng", "HR", "Sales"])
        #expect(q.byDepartment.participants == [3, 2, 1])
        #expect(q.byDepartment.pairs == [2, 1, 0])
        #expect(q.byDepartment.sessions == [3, 1, 0])
        #expect(q.byLevel.groups == ["L2", "L3", "L5"] && q.byLevel.participants == [3, 1, 2])
        // Rows: mentor's department; columns: mentee's.
        #expect(q.departmentMatrix.cells == [[1, 0, 0], [1, 0, 0], [0, 1, 0]])
        #expect(q.value(for: "department_matrix[Sales][HR]") == .number(1))
        #expect(q.value(for: "by_department.pairs[Eng]") == .number(2))
    }

    @Test func fiscalQuartersAreNamedByTheYearTheyEnd() {
        let calendar = FiscalCalendar(startMonth: 4)
        let april = calendar.quarterIndex(of: Fixtures.day("2026-04-15"))
        #expect(calendar.quarterID(april) == "2027-Q1")
        #expect(calendar.quarterID(calendar.quarterIndex(of: Fixtures.day("2026-03-31"))) == "2026-Q4")
        #expect(calendar.start(ofQuarter: april) == Fixtures.day("2026-04-01"))
        #expect(calendar.end(ofQuarter: april) == Fixtures.day("2026-06-30"))
        #expect(calendar.quarterLabel(april) == "Q1 FY2027")
        #expect(FiscalCalendar(startMonth: 4, labels: .short).quarterLabel(april) == "Q1 FY27")
        let calendarYear = FiscalCalendar(startMonth: 1, labels: .short)
        #expect(calendarYear.quarterLabel(calendarYear.quarterIndex(of: Fixtures.day("2026-08-01"))) == "Q3 \u{2019}26")
        #expect(calendarYear.quarterLabel(calendarYear.quarterIndex(of: Fixtures.day("2009-01-01"))) == "Q1 \u{2019}09")
        let set = MetricsEngine(settings: Fixtures.settings(fiscalStart: 4)).compute(Fixtures.small)
        #expect(set.quarters.map(\.id) == ["2026-Q4", "2027-Q1"])
    }

    @Test func asOfDefaultsToLatestActivityAndCutsTheQuarter() {
        let set = MetricsEngine(settings: Fixtures.settings(asOf: nil)).compute(Fixtures.small)
        #expect(set.asOf == Fixtures.day("2026-06-30"))
        let early = MetricsEngine(settings: Fixtures.settings(asOf: "2026-05-15")).compute(Fixtures.small)
        let last = early.quarters.last!
        #expect(last.id == "2026-Q2" && last.toDate && last.end == Fixtures.day("2026-05-15"))
        #expect(last.sessionsCompleted == 1)
    }
}
