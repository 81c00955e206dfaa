import RippleMetrics

/// A figure measured against its target from `targets:` in ripple.yaml: met or not, in words.
package struct MetricTarget: Sendable, Hashable {
    /// The target as readers see it (`70%`).
    package var target: String
    /// Whether the figure reaches the target (at or above it, or at or below for "lower is better" metrics).
    package var isMet: Bool

    /// `Target 70%: met` / `Target 70%: not met`.
    package var text: String { "Target \(target): " + (isMet ? "met" : "not met") }

    /// A mark that says the status without colour (✓ / ✗), for templates that want an icon.
    package var icon: String { isMet ? "✓" : "✗" }

    /// Creates a status.
    package init(target: String, isMet: Bool) { self.target = target; self.isMet = isMet }

    /// The status of `value` against `targets[key]`; `nil` without a target or a number to compare.
    package static func check(key: String, value: MetricValue, targets: [String: Double]) -> MetricTarget? {
        guard let goal = targets[key], let number = value.number else { return nil }
        let definition = MetricCatalog.definition(key)
        let lowerIsBetter = definition?.higherIsBetter == false
        let met = lowerIsBetter ? number <= goal : number >= goal
        return MetricTarget(target: (definition?.unit ?? .ratio).format(goal), isMet: met)
    }

    /// The target of `key` for readers, without a status (`70%`), when one is set.
    package static func text(key: String, targets: [String: Double]) -> String? {
        guard let goal = targets[key] else { return nil }
        return (MetricCatalog.definition(key)?.unit ?? .ratio).format(goal)
    }
}
