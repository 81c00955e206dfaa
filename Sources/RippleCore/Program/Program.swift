/// The validated program data: every table with references resolved to array indices.
///
/// Built by the data loader, read by the metrics engine; immutable after loading.
package struct Program: Sendable {
    /// Participants, in file order.
    package var participants: [Participant]
    /// Cohorts, in file order.
    package var cohorts: [Cohort]
    /// Pairs, in file order.
    package var pairs: [Pair]
    /// Sessions, in file order.
    package var sessions: [Session]
    /// Goals, in file order.
    package var goals: [Goal]
    /// Survey responses, in file order.
    package var feedback: [Feedback]
    /// Training completions, in file order.
    package var trainings: [Training]
    /// Eligible employees per department (`program.headcount` in ripple.yaml, or `headcount.csv`); empty when not
    /// given. Every key is a department of `participants`.
    package var headcount: [String: Int] = [:]

    /// Creates a program.
    package init(participants: [Participant] = [], cohorts: [Cohort] = [], pairs: [Pair] = [], sessions: [Session] = [],
                 goals: [Goal] = [], feedback: [Feedback] = [], trainings: [Training] = [], headcount: [String: Int] = [:]) {
        self.participants = participants; self.cohorts = cohorts; self.pairs = pairs; self.sessions = sessions
        self.goals = goals; self.feedback = feedback; self.trainings = trainings; self.headcount = headcount
    }

    /// The latest date in pairs (start, end) and sessions: the default reporting date.
    package var latestActivity: Day? {
        var latest: Day?
        func see(_ day: Day?) { if let day, latest.map({ day > $0 }) ?? true { latest = day } }
        for pair in pairs { see(pair.start); see(pair.end) }
        for session in sessions { see(session.date) }
        return latest
    }
}
