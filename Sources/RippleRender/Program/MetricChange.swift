import RippleMetrics

/// The change of one figure against an earlier period ("Up 12 since Q2 2026"), said in words;
/// the direction class adds an arrow and the tone a colour, never as the only signal.
package struct MetricChange: Sendable, Hashable {
    /// Which way the figure moved, as shown (a change that rounds to nothing is `flat`).
    package enum Direction: String, Sendable, Hashable {
        case up, down, flat
    }

    /// Whether the move is good news, from `MetricDefinition.higherIsBetter`.
    package enum Tone: String, Sendable, Hashable {
        case good, bad, neutral
    }

    /// Which way the figure moved.
    package var direction: Direction
    /// Good, bad or neither.
    package var tone: Tone
    /// The size of the change in the metric's unit, without sign (`12`, `3.2 points`).
    package var amount: String
    /// For counts with a non-zero earlier value: the relative change without sign (`8%`).
    package var relative: String?
    /// The earlier period's label (`Q2 2026`).
    package var reference: String

    /// The full sentence: `Up 12 (8%) since Q2 2026`, `Down 3.2 points since Q2 2026`, `No change since Q2 2026`.
    package var text: String {
        switch direction {
        case .flat: return "No change since \(reference)"
        case .up, .down:
            let word = direction == .up ? "Up" : "Down"
            return "\(word) \(amount)" + (relative.map { " (\($0))" } ?? "") + " since \(reference)"
        }
    }

    /// The change without its reference, for tables whose heading names it: `Up 12`, `Down 3.2 points`, `No change`.
    package var short: String {
        switch direction {
        case .flat: "No change"
        case .up, .down: (direction == .up ? "Up " : "Down ") + amount
        }
    }

    /// CSS classes of the theme: `metric__delta metric__delta--up metric__delta--good`.
    package var cssClass: String {
        var classes = "metric__delta metric__delta--\(direction.rawValue)"
        if tone != .neutral { classes += " metric__delta--\(tone.rawValue)" }
        return classes
    }

    /// Creates a change.
    package init(direction: Direction, tone: Tone, amount: String, relative: String? = nil, reference: String) {
        self.direction = direction; self.tone = tone; self.amount = amount; self.relative = relative
        self.reference = reference
    }

    /// The change from `previous` to `current` of the metric `key`; `nil` unless both are numbers
    /// (a hidden or missing figure has no change to show).
    package static func compare(key: String, current: MetricValue, previous: MetricValue, reference: String) -> MetricChange? {
        guard let now = current.number, let before = previous.number else { return nil }
        let definition = MetricCatalog.definition(key)
        let unit = definition?.unit ?? .ratio
        let amount = MetricText.amount(now - before, unit: unit)
        let isZero = amount.hasPrefix("0 ") || amount == "0"
        let direction: Direction = isZero ? .flat : (now > before ? .up : .down)
        var tone = Tone.neutral
        if direction != .flat, let higherIsBetter = definition?.higherIsBetter {
            tone = (direction == .up) == higherIsBetter ? .good : .bad
        }
        var relative: String?
        if unit == .count, before > 0, direction != .flat {
            let percent = abs(now - before) / before * 100
            let rounded = percent >= 10 ? String(Int(percent.rounded())) : String((percent * 10).rounded() / 10)
            relative = (rounded.hasSuffix(".0") ? String(rounded.dropLast(2)) : rounded) + "%"
        }
        return MetricChange(direction: direction, tone: tone, amount: amount, relative: relative, reference: reference)
    }
}
