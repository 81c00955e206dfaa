import RippleCore

/// How far the program has reached by the end of a quarter: distinct participants ever paired.
package struct ReachPoint: Sendable, Hashable {
    /// Quarter id (`2026-Q3`).
    package var quarter: String
    /// Quarter label (`Q3 2026`).
    package var label: String
    /// Last day counted (the quarter's end, or `as_of` for the current quarter).
    package var end: Day
    /// Distinct participants in any pair started on or before `end`; `nil` when suppressed.
    package var participantsReached: Int?

    /// Creates a point.
    package init(quarter: String, label: String, end: Day, participantsReached: Int?) {
        self.quarter = quarter; self.label = label; self.end = end; self.participantsReached = participantsReached
    }
}
