import RippleCore
import Testing
@testable import RippleMetrics

/// Primary suppression: figures about fewer than N people are hidden by the metrics themselves
/// (complementary suppression is RipplePrivacy's; see ComplementaryTests there).
@Suite struct PrimaryTests {
    /// Eng: 5 mentors + 5 mentees; Sales: 4 mentors + 4 mentees; Legal: 4 mentees mentored from Sales.
    /// Cohort "big" holds those 13 pairs; cohort "tiny" one Eng → Legal pair.
    static var program: Program {
        var people: [Participant] = []
        func add(_ id: String, _ dept: String, _ roles: Roles) -> Int {
            people.append(Fixtures.person(id, dept, "L1", roles)); return people.count - 1
        }
        let engMentors = (0..<5).map { add("em\($0)", "Eng", .mentor) }
        let engMentees = (0..<5).map { add("ee\($0)", "Eng", .mentee) }
        let salesMentors = (0..<4).map { add("sm\($0)", "Sales", .mentor) }
        let salesMentees = (0..<4).map { add("se\($0)", "Sales", .mentee) }
        let legalMentees = (0..<4).map { add("le\($0)", "Legal", .mentee) }
        var pairs: [Pair] = []
        func pair(_ mentor: Int, _ mentee: Int, cohort: Int = 0) {
            pairs.append(Pair(id: "p\(pairs.count)", cohort: cohort, mentor: mentor, mentee: mentee,
                              start: Fixtures.day("2026-01-05"), status: .active))
        }
        for i in 0..<5 { pair(engMentors[i], engMentees[i]) }
        for i in 0..<4 { pair(salesMentors[i], salesMentees[i]) }
        for i in 0..<4 { pair(salesMentors[i], legalMentees[i]) }
        pair(engMentors[0], legalMentees[0], cohort: 1)
        // Only two people rate sessions.
        let sessions = [
            Session(id: "s0", pair: 0, date: Fixtures.day("2026-02-01"), durationMinutes: 60, ratingMentor: 4),
            Session(id: "s1", pair: 1, date: Fixtures.day("2026-02-01"), durationMinutes: 60, ratingMentee: 5),
        ]
        let cohorts = [
            Cohort(id: "big", name: "Big", programType: .traditional, start: Fixtures.day("2026-01-01")),
            Cohort(id: "tiny", name: "Tiny", programType: .peer, start: Fixtures.day("2026-01-02")),
        ]
        return Program(participants: people, cohorts: cohorts, pairs: pairs, sessions: sessions)
    }

    let set = MetricsEngine(settings: Fixtures.settings(minGroupSize: 5, asOf: "2026-03-31")).compute(PrimaryTests.program)

    @Test func smallPopulationsHideRatesNotCounts() {
        let all = set.period("all")!
        #expect(all.avgSessionRating == nil && all.isSuppressed("avg_session_rating"))
        #expect(all.pairsActive == 14)
        // Only two pairs met: their hours would give those two pairs' average session length.
        #expect(all.sessionHours == nil && all.isSuppressed("session_hours"))
        #expect(all.value(for: "avg_session_rating") == .suppressed)
    }

    @Test func smallCohortIsSuppressedWithASibling() {
        let tiny = set.period("cohort:tiny")!
        #expect(tiny.participantsActive == nil && tiny.pairsActive == nil && tiny.sessionHours == nil)
        #expect(tiny.suppressed.first == "participants_active")
        #expect(tiny.byDepartment.participants.allSatisfy { $0 == nil })
        // With only one hidden cohort, its figures could be derived from "all" minus the others.
        let big = set.period("cohort:big")!
        #expect(big.participantsActive == nil)
        #expect(set.period("all")!.participantsActive == 22)
    }

    @Test func enoughPeopleMeansNothingHidden() {
        let open = MetricsEngine(settings: Fixtures.settings(minGroupSize: 2, asOf: "2026-03-31")).compute(PrimaryTests.program)
        #expect(open.period("all")!.byDepartment.participants == [10, 4, 8])
        #expect(open.period("all")!.avgSessionRating == 4.5)
        #expect(open.period("cohort:tiny")!.participantsActive == 2)
    }

    @Test func publishedModelHoldsNoPersonalData() {
        let json = MetricsJSON.encode(MetricsEngine(settings: Fixtures.settings()).compute(Fixtures.small))
        for secret in ["Name ", "@example.com", "private comment", "\"m1\"", "\"e1\""] {
            #expect(!json.contains(secret), "metrics.json contains \(secret)")
        }
    }
}
