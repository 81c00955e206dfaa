import RippleCore
import Testing
@testable import RippleMetrics

/// The corrected definitions of issue 16, hand-computed (docs/metrics.md says why each changed).
@Suite struct DefinitionTests {
    /// Monthly meeting share: of pairs active on the period's last day, those that met in its
    /// last 30 days. Fixtures.small: on 06-30, P0 met that day; P3, P4 (last 05-10) and P5 did not.
    @Test func monthlyMeetingShareIsMeetingInTheLastThirtyDays() {
        let set = MetricsEngine(settings: Fixtures.settings()).compute(Fixtures.small)
        #expect(set.period("all")!.monthlyMeetingShare == 0.25)      // was null: no pair ran all period
        #expect(set.period("cohort:c1")!.monthlyMeetingShare == 1)    // P0 is c1's only pair left
        #expect(set.period("cohort:c2")!.monthlyMeetingShare == 0)    // P3, P4, P5
    }

    /// Goal completion counts goals dropped without a date: on their pair's end date, or, while
    /// the pair goes on, in all time and the cohort only.
    @Test func goalCompletionCountsGoalsDroppedWithoutADate() {
        let people = (0..<4).map { Fixtures.person("p\($0)", "Eng", "L1", $0 < 2 ? .mentor : .mentee) }
        let cohort = Cohort(id: "c", name: "C", programType: .traditional, start: Fixtures.day("2026-01-01"))
        let pairs = [
            Pair(id: "ended", cohort: 0, mentor: 0, mentee: 2, start: Fixtures.day("2026-01-05"),
                 end: Fixtures.day("2026-03-01"), status: .closedEarly),
            Pair(id: "going", cohort: 0, mentor: 1, mentee: 3, start: Fixtures.day("2026-01-05"), status: .active),
        ]
        let goals = [
            Goal(id: "a", pair: 1, owner: 3, created: Fixtures.day("2026-01-10"), completed: Fixtures.day("2026-02-01"), status: .achieved),
            Goal(id: "d1", pair: 0, owner: 2, created: Fixtures.day("2026-01-10"), status: .dropped),
            Goal(id: "d2", pair: 1, owner: 3, created: Fixtures.day("2026-01-12"), status: .dropped),
        ]
        let program = Program(participants: people, cohorts: [cohort], pairs: pairs, goals: goals)
        let set = MetricsEngine(settings: Fixtures.settings()).compute(program)
        #expect(set.period("2026-Q1")!.goalCompletionRate == 0.5)     // a ÷ (a + d1, dropped with its pair on 03-01)
        #expect(set.period("2026-Q2")!.goalCompletionRate == nil)     // nothing closed (d2's day is unknown)
        #expect(set.period("all")!.goalCompletionRate == 0.333)       // a ÷ (a + d1 + d2): was 1
        #expect(set.period("cohort:c")!.goalCompletionRate == 0.333)
    }
}
