import RippleMetrics

/// One figure of a quarterly report: this quarter's value, the quarters it is compared with, and its target.
package struct ReportFigure: Sendable, Hashable {
    /// Metric key as in metrics.json and `suppressed` (`match_rate`, `survey_score[pulse]`).
    package var key: String
    /// Reader-facing label (`Match rate`, `Survey score: Pulse`).
    package var label: String
    /// One plain-language sentence saying what the figure means.
    package var description: String
    /// This quarter's value.
    package var value: MetricValue
    /// The previous quarter's value; `nil` when there is no previous quarter.
    package var previous: MetricValue?
    /// The same quarter a year earlier; `nil` when the program did not run then.
    package var yearAgo: MetricValue?
    /// Target from `targets:` in ripple.yaml.
    package var target: Double?
    /// How the number is shown.
    package var unit: MetricUnit
    /// Whether higher is good news; `nil` when neither.
    package var higherIsBetter: Bool?
    /// `privacy.min_group_size`, for "fewer than N".
    package var minGroupSize: Int

    /// Creates a figure.
    package init(key: String, label: String, description: String, value: MetricValue, previous: MetricValue?,
                 yearAgo: MetricValue?, target: Double?, unit: MetricUnit, higherIsBetter: Bool?, minGroupSize: Int) {
        self.key = key; self.label = label; self.description = description; self.value = value
        self.previous = previous; self.yearAgo = yearAgo; self.target = target; self.unit = unit
        self.higherIsBetter = higherIsBetter; self.minGroupSize = minGroupSize
    }

    /// Whether the target is met, for figures with a target and a published value.
    package enum TargetStatus: String, Sendable, Hashable {
        /// At or beyond the target (above it, or below it for figures where lower is better).
        case met
        /// Short of the target.
        case notMet = "not-met"
        /// The value is hidden or missing, so the target cannot be judged.
        case unknown
    }

    /// The value as readers see it: `42.5%`, `fewer than 5`, `—`.
    package var text: String { Self.format(value, unit: unit, minGroupSize: minGroupSize) }

    /// The target as readers see it (`70%`), or `nil` without a target.
    package var targetText: String? { target.map(unit.format) }

    /// Met / not met / unknown; `nil` without a target.
    package var targetStatus: TargetStatus? {
        guard let target else { return nil }
        guard let number = value.number else { return .unknown }
        let met = higherIsBetter == false ? number <= target : number >= target
        return met ? .met : .notMet
    }

    /// The change since the previous quarter; `nil` when there is none to compare with.
    package var changeSincePrevious: ReportChange? { previous.flatMap { ReportChange(from: $0, to: value, figure: self) } }

    /// The change since the same quarter a year earlier; `nil` when there is none to compare with.
    package var changeSinceYearAgo: ReportChange? { yearAgo.flatMap { ReportChange(from: $0, to: value, figure: self) } }

    /// A value in this figure's unit.
    package func format(_ other: MetricValue) -> String { Self.format(other, unit: unit, minGroupSize: minGroupSize) }

    static func format(_ value: MetricValue, unit: MetricUnit, minGroupSize: Int) -> String {
        switch value {
        case .number(let number): return unit.format(number)
        case .suppressed: return "fewer than \(minGroupSize)"
        case .unavailable: return "—"
        }
    }
}
