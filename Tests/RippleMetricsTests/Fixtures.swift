import RippleCore

/// Builds small in-memory programs for the tests.
enum Fixtures {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func settings(minGroupSize: Int = 1, asOf: String? = "2026-06-30", fiscalStart: Int = 1) -> SiteConfig {
        var config = SiteConfig()
        config.privacy.minGroupSize = minGroupSize
        config.program.asOf = asOf.map(day)
        config.program.fiscalYearStartMonth = fiscalStart
        return config
    }

    static func person(_ id: String, _ department: String, _ level: String, _ roles: Roles,
                       joined: String = "2026-01-01", left: String? = nil, capacity: Int? = nil) -> Participant {
        Participant(id: id, displayName: "Name \(id)", email: "\(id)@example.com", department: department, level: level,
                    roles: roles, joined: day(joined), left: left.map(day), mentorCapacity: capacity)
    }

    /// The hand-computed data set of docs/metrics.md's worked example (two quarters of 2026).
    static var small: Program {
        let participants = [
            person("m1", "Eng", "L5", .mentor, capacity: 2),
            person("m2", "Sales", "L5", .mentor, capacity: 1),
            person("e1", "Eng", "L2", .mentee),
            person("e2", "HR", "L2", .mentee),
            person("both", "HR", "L3", [.mentor, .mentee]),
            person("late", "Sales", "L2", .mentee, joined: "2026-05-01"),
            person("gone", "Eng", "L2", .mentee, left: "2026-03-31"),
        ]
        let cohorts = [
            Cohort(id: "c1", name: "Spring 2026", programType: .traditional, start: day("2026-01-01"), end: day("2026-06-30")),
            Cohort(id: "c2", name: "Reverse pilot", programType: .reciprocal, start: day("2026-04-01")),
        ]
        let pairs = [
            Pair(id: "P0", cohort: 0, mentor: 0, mentee: 2, requested: day("2025-12-20"), start: day("2026-01-10"), status: .active),
            Pair(id: "P1", cohort: 0, mentor: 1, mentee: 3, requested: day("2026-01-01"), start: day("2026-01-15"),
                 end: day("2026-04-01"), status: .completed),
            Pair(id: "P2", cohort: 0, mentor: 4, mentee: 6, start: day("2026-02-01"), end: day("2026-03-15"), status: .closedEarly),
            Pair(id: "P3", cohort: 1, mentor: 0, mentee: 4, requested: day("2026-03-25"), start: day("2026-04-05"), status: .paused),
            Pair(id: "P4", cohort: 1, mentor: 1, mentee: 5, requested: day("2026-04-20"), start: day("2026-05-01"), status: .active),
            Pair(id: "P5", cohort: 1, mentor: 4, mentee: 3, start: day("2026-06-01"), status: .active),
        ]
        let sessions = [
            Session(id: "S0", pair: 0, date: day("2026-01-20"), durationMinutes: 60, ledBy: .mentor, ratingMentor: 4, ratingMentee: 5),
            Session(id: "S1", pair: 0, date: day("2026-02-20"), durationMinutes: 90, ledBy: .mentee, ratingMentee: 3),
            Session(id: "S2", pair: 1, date: day("2026-02-01"), durationMinutes: 30, ledBy: .joint),
            Session(id: "S3", pair: 1, date: day("2026-03-01"), durationMinutes: 60, status: .cancelled, ratingMentor: 1),
            Session(id: "S4", pair: 0, date: day("2026-06-30"), durationMinutes: 45, ratingMentor: 5),
            Session(id: "S5", pair: 4, date: day("2026-05-10"), durationMinutes: 60, ledBy: .mentee),
            Session(id: "S6", pair: 2, date: day("2026-02-10"), durationMinutes: 60),
        ]
        let goals = [
            Goal(id: "G0", pair: 0, owner: 2, created: day("2026-01-15"), completed: day("2026-03-10"), status: .achieved),
            Goal(id: "G1", pair: 1, owner: 3, created: day("2026-01-20"), completed: day("2026-04-01"), status: .dropped),
            Goal(id: "G2", pair: 3, owner: 4, created: day("2026-04-10"), status: .open),
        ]
        let trainings = [
            Training(participant: 0, module: "active_listening", completed: day("2026-01-05")),
            Training(participant: 0, module: "guiding", completed: day("2026-01-06")),
            Training(participant: 0, module: "challenging", completed: day("2026-01-07")),
            Training(participant: 0, module: "powerful_questions", completed: day("2026-01-08")),
            Training(participant: 2, module: "active_listening", completed: day("2026-04-02")),
            Training(participant: 5, module: "orientation", completed: day("2026-05-02")),
        ]
        let feedback = [
            Feedback(id: "F0", respondent: 2, pair: 0, survey: .pulse, submitted: day("2026-02-01"), question: "q", score: 4,
                     scaleMax: 5, comment: "private comment"),
            Feedback(id: "F1", respondent: 3, pair: 1, survey: .pulse, submitted: day("2026-02-02"), question: "q", score: 3, scaleMax: 5),
            Feedback(id: "F2", respondent: 2, survey: .program, submitted: day("2026-05-02"), question: "q", score: 9, scaleMax: 10),
        ]
        return Program(participants: participants, cohorts: cohorts, pairs: pairs, sessions: sessions, goals: goals,
                       feedback: feedback, trainings: trainings)
    }
}
