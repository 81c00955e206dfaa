import RippleCore
import Testing
@testable import RippleMetrics

/// Anything dated after `as_of` is ignored, cohorts included (docs/metrics.md, "Reporting date").
@Suite struct CohortAsOfTests {
    /// Cohort "c": 4 real people in two pairs, plus a pair of two more people starting after as_of.
    static var program: Program {
        let people = (0..<6).map { Fixtures.person("p\($0)", "Eng", "L1", $0 % 2 == 0 ? .mentor : .mentee) }
        let cohort = Cohort(id: "c", name: "C", programType: .traditional, start: Fixtures.day("2026-01-01"))
        let pairs = [
            Pair(id: "a", cohort: 0, mentor: 0, mentee: 1, start: Fixtures.day("2026-01-10"), status: .active),
            Pair(id: "b", cohort: 0, mentor: 2, mentee: 3, start: Fixtures.day("2026-02-10"), status: .active),
            Pair(id: "late", cohort: 0, mentor: 4, mentee: 5, start: Fixtures.day("2026-07-15"), status: .active),
        ]
        return Program(participants: people, cohorts: [cohort], pairs: pairs)
    }

    @Test func peopleWhoseOnlyPairStartsAfterAsOfAreNotCounted() {
        let open = MetricsEngine(settings: Fixtures.settings(minGroupSize: 1)).compute(Self.program)
        let cohort = open.period("cohort:c")!
        #expect(cohort.participantsActive == 4)
        #expect(cohort.mentorsActive == 2 && cohort.menteesActive == 2)
        #expect(cohort.byDepartment.participants == [4])
    }

    @Test func aCohortOfFourRealPeopleIsSuppressedAtFive() {
        let set = MetricsEngine(settings: Fixtures.settings(minGroupSize: 5)).compute(Self.program)
        let cohort = set.period("cohort:c")!
        #expect(cohort.participantsActive == nil && cohort.isSuppressed("participants_active"))
        #expect(cohort.pairsActive == nil && cohort.isSuppressed("pairs_active"))
    }
}
