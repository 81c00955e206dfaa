import RippleCore
import Testing
@testable import RippleMetrics

/// Issue 16's last definitions, hand-computed on a tiny program written out here: active people come from
/// pairing, enrolled people from membership, survey scores per question and role, and the enrolment share.
@Suite struct EnrolmentTests {
    /// Q1 2026 (as_of 03-31):
    /// - a (Eng, mentor) mentors b (Eng, mentee) in P1, a traditional cohort, from 01-10;
    /// - r1 (HR, mentor) and r2 (HR, mentee) are P2 of a reciprocal cohort, from 02-01;
    /// - c (Sales, mentee) and d (Sales, mentor and mentee) are enrolled and never paired;
    /// - x (Sales, mentee) left on 2025-12-31, before the quarter.
    /// r2 completed the four foundational modules by 03-01. Headcount: Eng 10, Sales 20 (HR has none).
    static var program: Program {
        let people = [
            Fixtures.person("a", "Eng", "L4", .mentor, capacity: 2),
            Fixtures.person("b", "Eng", "L1", .mentee),
            Fixtures.person("c", "Sales", "L1", .mentee),
            Fixtures.person("d", "Sales", "L3", [.mentor, .mentee]),
            Fixtures.person("r1", "HR", "L4", .mentor),
            Fixtures.person("r2", "HR", "L2", .mentee),
            Fixtures.person("x", "Sales", "L1", .mentee, joined: "2025-06-01", left: "2025-12-31"),
        ]
        let cohorts = [
            Cohort(id: "t", name: "Traditional", programType: .traditional, start: Fixtures.day("2026-01-01")),
            Cohort(id: "rc", name: "Reciprocal", programType: .reciprocal, start: Fixtures.day("2026-01-01")),
        ]
        let pairs = [
            Pair(id: "P1", cohort: 0, mentor: 0, mentee: 1, start: Fixtures.day("2026-01-10"), status: .active),
            Pair(id: "P2", cohort: 1, mentor: 4, mentee: 5, start: Fixtures.day("2026-02-01"), status: .active),
        ]
        let trainings = Training.foundationalModules.map {
            Training(participant: 5, module: $0, completed: Fixtures.day("2026-03-01"))
        }
        let feedback = [
            Feedback(id: "F1", respondent: 1, pair: 0, survey: .close, submitted: Fixtures.day("2026-03-01"),
                     question: "satisfaction", score: 4, scaleMax: 5),
            Feedback(id: "F2", respondent: 0, pair: 0, survey: .close, submitted: Fixtures.day("2026-03-01"),
                     question: "satisfaction", score: 2, scaleMax: 5),
            Feedback(id: "F3", respondent: 1, pair: 0, survey: .close, submitted: Fixtures.day("2026-03-01"),
                     question: "recommend", score: 5, scaleMax: 5),
            Feedback(id: "F4", respondent: 2, survey: .program, submitted: Fixtures.day("2026-03-02"),
                     question: "overall", score: 3, scaleMax: 4),
            Feedback(id: "F5", respondent: 4, pair: 1, survey: .pulse, submitted: Fixtures.day("2026-03-03"),
                     question: "progress", score: 8, scaleMax: 10),
        ]
        return Program(participants: people, cohorts: cohorts, pairs: pairs, feedback: feedback, trainings: trainings,
                       headcount: ["Eng": 10, "Sales": 20])
    }

    static var quarter: PeriodMetrics {
        MetricsEngine(settings: Fixtures.settings(asOf: "2026-03-31")).compute(program).period("2026-Q1")!
    }

    /// Active from pairing: a, b, r1, r2. Mentors a, r1 and r2 (reciprocal: both roles); mentees b, r2 and r1.
    /// Enrolled: everyone but x (6); by roles, mentors a, d, r1 (3), mentees b, c, d, r2 (4).
    /// (Before: active meant enrolled, 6, with mentors 3 and mentees 4 from the roles field.)
    @Test func activePeopleComeFromPairingAndEnrolledFromMembership() {
        let q = Self.quarter
        #expect((q.participantsActive, q.mentorsActive, q.menteesActive) == (4, 3, 3))
        #expect((q.participantsEnrolled, q.mentorsEnrolled, q.menteesEnrolled) == (6, 3, 4))
        #expect(q.byDepartment.participants == [2, 2, 0])     // Eng a b, HR r1 r2, Sales nobody paired
        #expect(q.byDepartment.enrolled == [2, 2, 2])         // Eng a b, HR r1 r2, Sales c d
    }

    /// Match rate over enrolled mentees: b and r2 have a mentor, c and d do not: 2 ÷ 4. Training coverage over
    /// active people in each role: r2 is trained, of mentors {a, r1, r2} and of mentees {b, r1, r2}: 1 ÷ 3 each.
    /// Response rate over enrolled people: b, a, c, r1 answered: 4 ÷ 6.
    @Test func eachShareDividesByTheCountItNeeds() {
        let q = Self.quarter
        #expect(q.matchRate == 0.5)
        #expect(q.mentorTrainingCoverage == 0.333 && q.menteeTrainingCoverage == 0.333)
        #expect(q.surveyResponseRate == 0.667)
    }

    /// One mean per survey, question and respondent role: the close survey's satisfaction is 4/5 from the mentee
    /// and 2/5 from the mentor, no longer (4/5 + 2/5 + 5/5) ÷ 3 = 0.733 for "close". c's program survey names no
    /// pair: role `participant`. r1 is P2's mentor_id, so their pulse answer is the mentor's.
    @Test func surveyScoresArePerQuestionAndRole() {
        #expect(Self.quarter.surveyScore == [
            Keyed("close/recommend/mentee", 1), Keyed("close/satisfaction/mentee", 0.8),
            Keyed("close/satisfaction/mentor", 0.4), Keyed("program/overall/participant", 0.75),
            Keyed("pulse/progress/mentor", 0.8),
        ])
    }

    /// Enrolled ÷ headcount: Eng 2 ÷ 10, Sales 2 ÷ 20; overall (2 + 2) ÷ 30 (HR has no headcount, so its two
    /// enrolled people are in neither).
    @Test func enrolmentShareDividesEnrolledByHeadcount() {
        let q = Self.quarter
        #expect(q.enrolmentShareByDepartment == [Keyed("Eng", 0.2), Keyed("Sales", 0.1)])
        #expect(q.enrolmentShare == 0.133)
        let set = MetricsEngine(settings: Fixtures.settings(asOf: "2026-03-31")).compute(Self.program)
        #expect(set.headcount == [Keyed("Eng", 10), Keyed("Sales", 20)])
        #expect(MetricsJSON.encode(set).contains("\"headcount\": {\n    \"Eng\": 10,\n    \"Sales\": 20\n  },"))
    }

    /// Without a headcount there is nothing to measure: null, not hidden.
    @Test func noHeadcountIsNothingToMeasure() {
        var program = Self.program
        program.headcount = [:]
        let q = MetricsEngine(settings: Fixtures.settings(asOf: "2026-03-31")).compute(program).period("2026-Q1")!
        #expect(q.enrolmentShare == nil && !q.isSuppressed("enrolment_share") && q.enrolmentShareByDepartment.isEmpty)
    }

    /// With N = 3 (and a third pair, d mentoring c from 03-10, so that 3 pairs publish more than counts) every
    /// department's 2 enrolled people are too few: the counts and the shares that reveal them (share × published
    /// headcount = count) are hidden; the overall share counts 4 people and stays (2 + 2) ÷ 30.
    @Test func aShareOfAHeadcountIsHiddenLikeItsCount() {
        var program = Self.program
        program.pairs.append(Pair(id: "P3", cohort: 0, mentor: 3, mentee: 2, start: Fixtures.day("2026-03-10"), status: .active))
        let q = MetricsEngine(settings: Fixtures.settings(minGroupSize: 3, asOf: "2026-03-31")).compute(program)
            .period("2026-Q1")!
        #expect(q.byDepartment.enrolled == [nil, nil, nil])
        #expect(q.enrolmentShareByDepartment == [Keyed("Eng", nil), Keyed("Sales", nil)])
        #expect(q.isSuppressed("enrolment_share_by_department[Eng]") && q.isSuppressed("enrolment_share_by_department[Sales]"))
        #expect(q.enrolmentShare == 0.133)
    }
}
