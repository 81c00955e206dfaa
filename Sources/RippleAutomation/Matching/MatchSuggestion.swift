import RippleCore

/// One line of `ripple match`: a waiting mentee and the mentor suggested for them, or none.
package struct MatchSuggestion: Hashable, Sendable {
    /// Participant index of the mentee.
    package var mentee: Int
    /// Participant index of the suggested mentor; nil when no allowed mentor was left.
    package var mentor: Int?
    /// The pair's score (0 without a mentor).
    package var score: Int
    /// Why: "shares 3 topics (…)", "Finance → Engineering", "2 levels apart"; or why nobody was suggested.
    package var reasons: [String]
    /// Since when the mentee waits.
    package var waitingSince: Day

    /// Creates a suggestion.
    package init(mentee: Int, mentor: Int?, score: Int, reasons: [String], waitingSince: Day) {
        self.mentee = mentee; self.mentor = mentor; self.score = score; self.reasons = reasons; self.waitingSince = waitingSince
    }
}
