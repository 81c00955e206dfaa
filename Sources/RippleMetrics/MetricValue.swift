/// One published figure as renderers and shortcodes see it.
package enum MetricValue: Sendable, Hashable {
    /// A number (counts are whole numbers).
    case number(Double)
    /// Hidden because it describes fewer people than `privacy.minGroupSize`.
    case suppressed
    /// Nothing to measure in the period (no ratings, no matches …).
    case unavailable

    /// The number, if there is one.
    package var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// Wraps an optional count, telling suppression from absence.
    package static func of(_ value: Int?, suppressed: Bool) -> MetricValue {
        if suppressed { return .suppressed }
        return value.map { .number(Double($0)) } ?? .unavailable
    }

    /// Wraps an optional number, telling suppression from absence.
    package static func of(_ value: Double?, suppressed: Bool) -> MetricValue {
        if suppressed { return .suppressed }
        return value.map { .number($0) } ?? .unavailable
    }
}
