/// `matching:` settings: what `ripple match` values in a pair, in whole points per feature.
package struct MatchingSettings: Hashable, Sendable {
    /// Points per topic the mentee wants that the mentor has as expertise.
    package var topicWeight: Int = 10
    /// Points when mentor and mentee work in different departments (the program's reach across the organisation).
    package var crossDepartmentWeight: Int = 5
    /// Points when they work in different locations.
    package var crossLocationWeight: Int = 2
    /// In reciprocal cohorts, points per topic the mentee can teach the mentor (the mentor wants, the mentee knows).
    package var reciprocalWeight: Int = 5
    /// Points every allowed pair starts with, so that a mentee with a possible mentor is never left waiting.
    package var baseScore: Int = 1
    /// Fewest levels (`level_rank`) the mentor is above the mentee (below, in reverse cohorts); peer and
    /// reciprocal cohorts allow up to `maxLevelGap` either way.
    package var minLevelGap: Int = 1
    /// Most levels the mentor is above the mentee.
    package var maxLevelGap: Int = 3
    /// Mentees a mentor can take when `mentor_capacity` is empty.
    package var defaultCapacity: Int = 1
    /// Candidate mentors kept per mentee before solving; the solver proves afterwards that no other mentor
    /// would have given a better total, and adds any that would.
    package var candidates: Int = 40
    /// Defaults.
    package init() {}
}
