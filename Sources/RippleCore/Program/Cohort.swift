/// The kind of mentoring a cohort runs.
package enum ProgramType: String, CaseIterable, Hashable, Sendable {
    /// A senior person mentors a junior one.
    case traditional
    /// A junior person mentors a senior one (digital skills, culture).
    case reverse
    /// Co-mentoring: both people take the Mentor and the Mentee role, swapping over time.
    case reciprocal
    /// Colleagues at a similar level.
    case peer
    /// One mentor with several mentees.
    case group
}

/// A group of pairs that start together under one program type.
package struct Cohort: Hashable, Sendable {
    /// Unique id.
    package var id: String
    /// Display name.
    package var name: String
    /// Program type.
    package var programType: ProgramType
    /// Start date.
    package var start: Day
    /// End date, if set.
    package var end: Day?

    /// Creates a cohort.
    package init(id: String, name: String, programType: ProgramType, start: Day, end: Day? = nil) {
        self.id = id; self.name = name; self.programType = programType; self.start = start; self.end = end
    }

    /// The folder name of a cohort's dashboard page (`dashboards/cohorts/<slug>/`): the id in lower case, every
    /// character other than an ASCII letter, digit, `-` or `_` turned into `-`. Ids that differ only in case or
    /// punctuation share one, so the data loader refuses the second of them (the one rule for both).
    package static func slug(forID id: String) -> String {
        let cleaned = String(id.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return OutputPath.isSafeSegment(cleaned) ? cleaned : "cohort"
    }
}
