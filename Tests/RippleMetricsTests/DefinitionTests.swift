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

/// The session figures added by issue 16, hand-computed on Fixtures.small plus one no-show.
@Suite struct SessionOutcomeTests {
    /// Fixtures.small with a no-show on P4 (cohort c2) on 05-20 and a mentee rating on S5.
    static var program: Program {
        let small = Fixtures.small
        var sessions = small.sessions.map { session in
            var s = session
            if s.id == "S5" { s.ratingMentee = 4 }
            return s
        }
        sessions.append(Session(id: "S7", pair: 4, date: Fixtures.day("2026-05-20"), durationMinutes: 60, status: .noShow))
        return Program(participants: small.participants, cohorts: small.cohorts, pairs: small.pairs, sessions: sessions,
                       goals: small.goals, feedback: small.feedback, trainings: small.trainings)
    }

    /// Cancelled and no-show sessions are counted by date; their rates are over scheduled sessions
    /// (completed + cancelled + no-show). S3 (cancelled, 03-01) and S7 (no-show, 05-20).
    @Test func cancellationAndNoShowRates() {
        let set = MetricsEngine(settings: Fixtures.settings()).compute(Self.program)
        let q1 = set.period("2026-Q1")!, q2 = set.period("2026-Q2")!, all = set.period("all")!
        #expect((q1.sessionsCancelled, q1.sessionsNoShow, q1.cancellationRate, q1.noShowRate) == (1, 0, 0.2, 0))   // 1 of S0 S1 S2 S6 S3
        #expect((q2.sessionsCancelled, q2.sessionsNoShow, q2.cancellationRate, q2.noShowRate) == (0, 1, 0, 0.333)) // S4 S5 S7
        #expect((all.cancellationRate, all.noShowRate) == (0.125, 0.125))                                        // 1 and 1 of 8
        #expect(set.period("cohort:c2")!.noShowRate == 0.5)                                                       // S5 S7
        #expect(q1.sessionsCompleted == 4)  // a cancelled session is not a "last session" nor completed
    }

    /// Ratings by role: mentors rated S0 (4) and S4 (5); mentees S0 (5), S1 (3) and S5 (4).
    @Test func ratingsAreSplitByRole() {
        let all = MetricsEngine(settings: Fixtures.settings()).compute(Self.program).period("all")!
        #expect(all.avgRatingByMentors == 4.5)
        #expect(all.avgRatingByMentees == 4)
        #expect(all.avgSessionRating == 4.2)
    }

    /// With N = 2: one mentor rated (m1), two mentees (e1, late). The mentors' figure is hidden, and so is
    /// the mentees' — with the overall rating published, either would bound the other.
    @Test func oneHiddenRoleRatingHidesTheOther() {
        let all = MetricsEngine(settings: Fixtures.settings(minGroupSize: 2)).compute(Self.program).period("all")!
        #expect(all.avgSessionRating == 4.2)
        #expect(all.avgRatingByMentors == nil && all.isSuppressed("avg_rating_by_mentors"))
        #expect(all.avgRatingByMentees == nil && all.isSuppressed("avg_rating_by_mentees"))
    }
}

/// Mentors are trained before the first pair starts (2026-01-10 in Fixtures.small): all time counts every training
/// up to as_of; each quarter counts its own, and quarters begin with the first pair's.
@Suite struct TrainingBeforeTheFirstPairTests {
    @Test func allTimeCountsTrainingsBeforeTheFirstPair() {
        let small = Fixtures.small
        let early = Training(participant: 1, module: "active_listening", completed: Fixtures.day("2025-11-20"))
        let program = Program(participants: small.participants, cohorts: small.cohorts, pairs: small.pairs,
                              sessions: small.sessions, goals: small.goals, feedback: small.feedback,
                              trainings: small.trainings + [early])
        let set = MetricsEngine(settings: Fixtures.settings(minGroupSize: 1)).compute(program)
        func listening(_ id: String) -> Int? {
            set.period(id)!.trainingsCompleted.first { $0.key == "active_listening" }?.value
        }
        #expect(listening("2026-Q1") == 1)   // participant 0 on 01-05, before the first pair's day
        #expect(listening("2026-Q2") == 1)   // participant 2 on 04-02
        #expect(listening("all") == 3)       // and participant 1 in November 2025
        #expect(set.period("2025-Q4") == nil)
    }
}

/// Mentees waiting for a mentor on a period's last day (`WaitingRule`), on Fixtures.small.
@Suite struct MenteesWaitingTests {
    /// 31 March: `both` has never been a mentee (P3 starts 5 April) and waits since joining on 1 January (89
    /// days); `e2`'s pair P1 ended as completed but, with no request date, a mentee once paired is not waiting;
    /// `gone` left that day and `late` has not joined. 30 June: everyone is paired.
    @Test func waitingIsCountedOnEachPeriodsLastDay() {
        let set = MetricsEngine(settings: Fixtures.settings()).compute(Fixtures.small)
        let q1 = set.period("2026-Q1")!, q2 = set.period("2026-Q2")!
        #expect((q1.menteesWaiting, q1.medianDaysWaiting) == (1, 89))
        #expect((q2.menteesWaiting, q2.medianDaysWaiting) == (0, nil))
        #expect(set.period("all")!.menteesWaiting == 0)
        #expect(set.period("cohort:c1")!.menteesWaiting == nil)   // a cohort's people are the paired ones
    }

    /// A request after the last pair began starts a new wait: `e2` asks again on 10 April and, on 31 May, has
    /// waited 51 days; P5 (1 June) ends the wait.
    @Test func aNewRequestStartsANewWait() {
        let small = Fixtures.small
        var people = small.participants
        people[3].requested = Fixtures.day("2026-04-10")
        let program = Program(participants: people, cohorts: small.cohorts, pairs: small.pairs, sessions: small.sessions,
                              goals: small.goals, feedback: small.feedback, trainings: small.trainings)
        let may = MetricsEngine(settings: Fixtures.settings(asOf: "2026-05-31")).compute(program).period("all")!
        #expect((may.menteesWaiting, may.medianDaysWaiting) == (1, 51))
        let june = MetricsEngine(settings: Fixtures.settings()).compute(program).period("all")!
        #expect(june.menteesWaiting == 0)
        #expect(WaitingRule.waiting(in: program, on: Fixtures.day("2026-05-31")).map(\.mentee) == [3])
    }
}
