import RippleCore

/// The one definition of an at-risk pair: metrics.json's `at_risk_pairs` counts with it and `ripple followup`
/// lists with it, so the list always holds exactly the pairs the figure counts.
package struct AtRiskRule: Sendable {
    /// `metrics.at_risk_days`.
    package var days: Int32

    /// Creates the rule for `metrics.at_risk_days`.
    package init(days: Int) { self.days = Int32(clamping: days) }

    /// Whether a pair is at risk on the day `day` (ordinals): ongoing then (started by then, ending later or never:
    /// `end` is `Int32.max`), and its last completed session on or before it (`Int32.min`: none) more than `days`
    /// earlier — or, with none yet, it started more than `days` earlier. Paused pairs count on purpose.
    @inline(__always)
    package func isAtRisk(start: Int32, end: Int32, lastCompleted: Int32, on day: Int32) -> Bool {
        guard start <= day, end > day else { return false }
        return (lastCompleted == .min ? day - start : day - lastCompleted) > days
    }

    /// The pairs at risk on `day`, in pair order, with the date of their last completed session on or before it.
    package func pairs(in program: Program, on day: Day) -> [(pair: Int, lastSession: Day?)] {
        var last = Array(repeating: Int32.min, count: program.pairs.count)
        for session in program.sessions where session.status == .completed && session.date <= day {
            last[session.pair] = max(last[session.pair], session.date.ordinal)
        }
        return program.pairs.indices.compactMap { p in
            let pair = program.pairs[p]
            guard isAtRisk(start: pair.start.ordinal, end: pair.end?.ordinal ?? .max, lastCompleted: last[p], on: day.ordinal)
            else { return nil }
            return (p, last[p] == .min ? nil : Day(ordinal: last[p]))
        }
    }
}
