import RippleMetrics

/// How a figure moved between two quarters, in words and with a direction that does not rely on colour.
package struct ReportChange: Sendable, Hashable {
    /// Which way the figure moved.
    package enum Direction: String, Sendable, Hashable {
        /// Higher than before.
        case up
        /// Lower than before.
        case down
        /// Unchanged.
        case flat
    }

    /// Whether the move is good news, bad news or neither (`higherIsBetter` of the metric).
    package enum Tone: String, Sendable, Hashable {
        /// Good news.
        case good
        /// Bad news.
        case bad
        /// Neither, or unchanged.
        case neutral
    }

    /// Up, down or flat.
    package var direction: Direction
    /// Good, bad or neutral.
    package var tone: Tone
    /// Signed difference in the figure's own terms: `+12`, `−4.2 pts`, `+0.15`.
    package var amount: String
    /// Sentence fragment: `up 12`, `down 4.2 pts`, `no change`.
    package var words: String
    /// The raw difference (percentage points ×100 are not applied: shares stay fractions), for CSV files.
    package var difference: Double

    /// The change from `old` to `new`; `nil` when either is hidden or missing.
    init?(from old: MetricValue, to new: MetricValue, figure: ReportFigure) {
        guard let before = old.number, let after = new.number else { return nil }
        let delta = after - before
        difference = delta
        let magnitude = abs(delta)
        let shown: String
        switch figure.unit {
        case .share: shown = MetricUnit.ratio.format(magnitude * 100).replacingOccurrences(of: ",", with: "") + " pts"
        case .count: shown = MetricUnit.count.format(magnitude)
        default: shown = figure.unit.format(magnitude)
        }
        let rounded = shown.hasPrefix("0 ") || shown == "0"
        if delta == 0 || rounded {
            direction = .flat; tone = .neutral; amount = "±0"; words = "no change"
            return
        }
        direction = delta > 0 ? .up : .down
        switch figure.higherIsBetter {
        case true?: tone = delta > 0 ? .good : .bad
        case false?: tone = delta > 0 ? .bad : .good
        case nil: tone = .neutral
        }
        let plain = figure.unit == .rating ? String(shown.dropLast(" / 5".count)) : shown
        amount = (delta > 0 ? "+" : "−") + plain
        words = (delta > 0 ? "up " : "down ") + plain
    }
}
