import RippleCore
import Testing
@testable import RippleMetrics

/// Rates and averages are published only when their denominator counts at least N people, or N
/// pairs for pair-level figures; a period with fewer than N active pairs publishes counts only.
@Suite struct SmallDenominatorTests {
    /// Ten people, four pairs from 2026-01-05 (all time = Q1 2026, as_of 2026-03-31). Mentors are
    /// Eng L1; mentees p5, p7 are L1, p6, p8 L2; p5, p6 Eng, p7, p8 Sales (so no breakdown row
    /// has a single hidden cell to hide its total with).
    /// P0 meets twice (60 min, mentor-led), P1 once (30 min, mentee-led); P2 completes on 02-01,
    /// P3 closes early on 03-01; one person answers a survey; two owners close goals.
    static var program: Program {
        let people = (0..<10).map {
            Fixtures.person("p\($0)", $0 < 7 || $0 == 9 ? "Eng" : "Sales", $0 < 5 || $0 % 2 == 1 ? "L1" : "L2",
                            $0 < 5 ? .mentor : .mentee)
        }
        let cohort = Cohort(id: "c", name: "C", programType: .traditional, start: Fixtures.day("2026-01-01"))
        let start = Fixtures.day("2026-01-05")
        let pairs = [
            Pair(id: "P0", cohort: 0, mentor: 0, mentee: 5, start: start, status: .active),
            Pair(id: "P1", cohort: 0, mentor: 1, mentee: 6, start: start, status: .active),
            Pair(id: "P2", cohort: 0, mentor: 2, mentee: 7, start: start, end: Fixtures.day("2026-02-01"), status: .completed),
            Pair(id: "P3", cohort: 0, mentor: 3, mentee: 8, start: start, end: Fixtures.day("2026-03-01"), status: .closedEarly),
        ]
        let sessions = [
            Session(id: "S0", pair: 0, date: Fixtures.day("2026-01-20"), durationMinutes: 60, ledBy: .mentor, ratingMentor: 4),
            Session(id: "S1", pair: 0, date: Fixtures.day("2026-02-20"), durationMinutes: 60, ledBy: .mentor, ratingMentee: 5),
            Session(id: "S2", pair: 1, date: Fixtures.day("2026-02-21"), durationMinutes: 30, ledBy: .mentee, ratingMentee: 3),
        ]
        let goals = [
            Goal(id: "G0", pair: 0, owner: 5, created: start, completed: Fixtures.day("2026-02-01"), status: .achieved),
            Goal(id: "G1", pair: 1, owner: 6, created: start, completed: Fixtures.day("2026-02-02"), status: .dropped),
        ]
        let feedback = [Feedback(id: "F0", respondent: 5, pair: 0, survey: .pulse, submitted: Fixtures.day("2026-02-01"),
                                 question: "q", score: 4, scaleMax: 5)]
        return Program(participants: people, cohorts: [cohort], pairs: pairs, sessions: sessions, goals: goals,
                       feedback: feedback)
    }

    static func all(minGroupSize: Int) -> PeriodMetrics {
        MetricsEngine(settings: Fixtures.settings(minGroupSize: minGroupSize, asOf: "2026-03-31")).compute(program).period("all")!
    }

    @Test func everythingIsPublishedWhenGroupsAreLargeEnough() {
        let all = Self.all(minGroupSize: 1)
        #expect(all.sessionsPerActivePair == 0.75)        // 3 sessions ÷ 4 pairs
        #expect(all.sessionHours == 2.5)                   // 150 minutes
        #expect(all.roleSwapShare == 0.5)                  // P1 of the meeting pairs P0, P1
        #expect(all.completionRate == 0.5)                 // 1 completed ÷ (1 + 1 closed early)
        #expect(all.surveyResponseRate == 0.1)             // 1 respondent ÷ 10 enrolled
        #expect(all.goalCompletionRate == 0.5)             // 1 achieved ÷ (1 + 1 dropped)
        // P0, P1 are active on 03-31; neither met after 03-01 (last sessions 02-20, 02-21).
        #expect(all.monthlyMeetingShare == 0)
        #expect(all.crossDepartmentShare == 0.5 && all.crossLevelShare == 0.5)  // P2, P3; P1, P3
    }

    @Test func smallDenominatorsHideTheirRates() {
        let all = Self.all(minGroupSize: 3)
        // Four pairs: pair-level figures over all active pairs stay.
        #expect(all.sessionsPerActivePair == 0.75 && all.crossDepartmentShare == 0.5)
        // Two meeting pairs: their hours (average session length) and role-swap share go.
        #expect(all.sessionHours == nil && all.isSuppressed("session_hours"))
        #expect(all.roleSwapShare == nil && all.isSuppressed("role_swap_share"))
        // Two pairs ended, two pairs active for the whole period, two goal owners, one respondent.
        #expect(all.completionRate == nil && all.isSuppressed("completion_rate"))
        #expect(all.monthlyMeetingShare == nil && all.isSuppressed("monthly_meeting_share"))
        #expect(all.goalCompletionRate == nil && all.isSuppressed("goal_completion_rate"))
        #expect(all.surveyResponseRate == nil && all.isSuppressed("survey_response_rate"))
        #expect(all.surveyScore == [Keyed("pulse/q/mentee", nil)] && all.isSuppressed("survey_score[pulse/q/mentee]"))
        #expect(all.sessionsCompleted == 3 && all.pairsCompleted == 1 && all.pairsClosedEarly == 1)
    }

    @Test func fewerThanNPairsPublishesCountsOnly() {
        let all = Self.all(minGroupSize: 5)
        #expect(all.participantsActive == 8 && all.pairsActive == 4 && all.sessionsCompleted == 3)  // p4, p9 unpaired
        #expect(all.participantsEnrolled == 10)
        #expect(all.sessionsLedByMentor == 2 && all.goalsAchieved == 1)
        for key in ["session_hours", "avg_session_rating", "cross_department_share", "cross_level_share",
                    "sessions_per_active_pair", "match_rate", "mentor_training_coverage", "mentee_training_coverage"] {
            #expect(all.isSuppressed(key), "\(key) describes four pairs")
        }
        #expect(all.sessionsPerActivePair == nil && all.matchRate == nil && all.avgSessionRating == nil)
    }
}
