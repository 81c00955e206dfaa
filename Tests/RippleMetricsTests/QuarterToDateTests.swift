import RippleCore
import Testing
@testable import RippleMetrics

/// The running quarter is compared with the same number of days of the previous quarter and of the same quarter a
/// year earlier, never with whole quarters (issue 19).
@Suite struct QuarterToDateTests {
    /// Three pairs since March 2025; as_of is 20 April 2026, 20 days into Q2 2026. Sessions fall inside and outside
    /// the first 20 days of Q1 2026 and of Q2 2025; a fourth pair, of two people who joined in February, starts on
    /// 1 February 2026.
    static var program: Program {
        var people: [Participant] = []
        for i in 0..<3 {
            people.append(Fixtures.person("m\(i)", "Eng", "L5", .mentor, joined: "2025-03-01"))
            people.append(Fixtures.person("e\(i)", "Eng", "L2", .mentee, joined: "2025-03-01"))
        }
        people.append(Fixtures.person("late-m", "Sales", "L5", .mentor, joined: "2026-02-01"))
        people.append(Fixtures.person("late-e", "Sales", "L2", .mentee, joined: "2026-02-01"))
        var pairs = (0..<3).map { i in
            Pair(id: "p\(i)", cohort: 0, mentor: 2 * i, mentee: 2 * i + 1, start: Fixtures.day("2025-03-01"), status: .active)
        }
        pairs.append(Pair(id: "p3", cohort: 0, mentor: 6, mentee: 7, start: Fixtures.day("2026-02-01"), status: .active))
        let dates = ["2025-04-10", "2025-05-05",                                              // Q2 2025: 1 in its first 20 days
                     "2026-01-05", "2026-01-15", "2026-01-20", "2026-01-21", "2026-02-10", "2026-03-30",  // Q1 2026: 3
                     "2026-04-03", "2026-04-19"]                                              // Q2 2026 to date: 2
        let sessions = dates.enumerated().map { i, date in
            Session(id: "s\(i)", pair: i % 3, date: Fixtures.day(date), durationMinutes: 60)
        }
        let cohort = Cohort(id: "c", name: "All", programType: .traditional, start: Fixtures.day("2025-03-01"))
        return Program(participants: people, cohorts: [cohort], pairs: pairs, sessions: sessions)
    }

    static func metrics(minGroupSize: Int = 1) -> MetricSet {
        MetricsEngine(settings: Fixtures.settings(minGroupSize: minGroupSize, asOf: "2026-04-20")).compute(program)
    }

    @Test func runningQuarterIsComparedWithTheSameDaysOfEarlierQuarters() throws {
        let set = Self.metrics()
        let current = try #require(set.currentQuarter)
        #expect(current.id == "2026-Q2" && current.toDate && current.end == Fixtures.day("2026-04-20"))
        #expect(current.sessionsCompleted == 2)
        let (previous, yearAgo) = set.comparisons(for: current)
        let q1 = try #require(previous), q2 = try #require(yearAgo)
        #expect(q1.id == "2026-Q1:to-date" && q1.kind == .quarterToDate && q1.label == "Q1 2026 to 20 Jan")
        #expect(q1.start == Fixtures.day("2026-01-01") && q1.end == Fixtures.day("2026-01-20"))
        #expect(q1.sessionsCompleted == 3, "the first 20 days of Q1 2026, not its 6 sessions")
        #expect(q1.pairsStarted == 0 && q1.participantsActive == 6)
        #expect(q2.id == "2025-Q2:to-date" && q2.label == "Q2 2025 to 20 Apr" && q2.end == Fixtures.day("2025-04-20"))
        #expect(q2.sessionsCompleted == 1)
        // The whole quarters are still there, as they were.
        #expect(set.period("2026-Q1")?.sessionsCompleted == 6 && set.period("2026-Q1")?.pairsStarted == 1)
    }

    @Test func completeQuartersAreComparedWithWholeQuarters() throws {
        let set = Self.metrics()
        let q1 = try #require(set.period("2026-Q1"))
        let (previous, yearAgo) = set.comparisons(for: q1)
        #expect(previous?.id == "2025-Q4" && yearAgo?.id == "2025-Q1")
    }

    @Test func noWindowsWhenTheLastQuarterIsComplete() {
        let set = MetricsEngine(settings: Fixtures.settings(asOf: "2026-03-31")).compute(Self.program)
        #expect(!set.periods.contains { $0.kind == .quarterToDate })
    }

    /// Two people took part in Q1 2026 only after its first 20 days: publishing both the window's count and the
    /// quarter's would count them, so with min_group_size 3 the window's count is hidden.
    @Test func windowCountsThatDifferFromTheQuarterByAFewAreHidden() throws {
        let set = Self.metrics(minGroupSize: 3)
        let window = try #require(set.period("2026-Q1:to-date"))
        #expect(set.period("2026-Q1")?.participantsActive == 8)
        #expect(window.participantsActive == nil && window.suppressed.contains("participants_active"))
        #expect(window.sessionsCompleted == 3)
    }
}
