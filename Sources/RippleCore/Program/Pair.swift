/// Where a mentoring relationship stands.
package enum PairStatus: String, CaseIterable, Hashable, Sendable {
    case active, paused, completed
    case closedEarly = "closed_early"
}

/// How a pair was matched.
package enum MatchMethod: String, CaseIterable, Hashable, Sendable {
    case admin, `self`, algorithm
}

/// A mentoring relationship between two participants.
///
/// `mentor` and `mentee` index into `Program.participants`; they are resolved once by the
/// data loader so the metrics never look ids up.
package struct Pair: Hashable, Sendable {
    /// Unique id.
    package var id: String
    /// Index of the cohort in `Program.cohorts`.
    package var cohort: Int
    /// Index of the (primary) mentor in `Program.participants`.
    package var mentor: Int
    /// Index of the (primary) mentee in `Program.participants`.
    package var mentee: Int
    /// When the mentee asked to be matched.
    package var requested: Day?
    /// When the pair started.
    package var start: Day
    /// When the pair ended.
    package var end: Day?
    /// Status.
    package var status: PairStatus
    /// How the match was made.
    package var matchMethod: MatchMethod?

    /// Creates a pair.
    package init(id: String, cohort: Int, mentor: Int, mentee: Int, requested: Day? = nil, start: Day,
                 end: Day? = nil, status: PairStatus, matchMethod: MatchMethod? = nil) {
        self.id = id; self.cohort = cohort; self.mentor = mentor; self.mentee = mentee; self.requested = requested
        self.start = start; self.end = end; self.status = status; self.matchMethod = matchMethod
    }
}

extension Pair {
    /// Whether the pair still holds its mentor and mentee on `day`: active or paused, and not ended by then
    /// (a mentor's used capacity; a mentee who is not waiting).
    package func holds(on day: Day) -> Bool {
        (status == .active || status == .paused) && (end.map { $0 > day } ?? true)
    }
}
