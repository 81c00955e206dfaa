/// A hidden figure an analyst can work out from the published ones.
package struct DisclosureFinding: Sendable, Hashable {
    /// The figure, `period key` (e.g. `2026-Q1 by_level.sessions[L2]`).
    package var figure: String
    /// The narrowest range the published figures allow (equal bounds: the exact value).
    package var lower: Double
    package var upper: Double
    /// The published facts that reveal it.
    package var equations: [String]
    /// The cell (index into `PublishedFigures.cells`).
    var cell: Int
    /// Relations (indices into the solver's list) that revealed it.
    var reasons: [Int]

    /// "can be worked out as 1" / "can be narrowed to 2–4".
    package var summary: String {
        func text(_ x: Double) -> String {
            x == x.rounded() ? String(Int(x)) : String((x * 1000).rounded() / 1000)
        }
        return lower == upper ? "\(figure) can be worked out as \(text(lower))"
                              : "\(figure) can be narrowed to \(text(lower))–\(text(upper))"
    }
}
