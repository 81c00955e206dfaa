/// What one metric means and how to show it.
package struct MetricDefinition: Sendable, Hashable {
    /// Key in metrics.json and in shortcodes (`sessions_completed`).
    package var key: String
    /// Short label for dashboards (`Sessions completed`).
    package var label: String
    /// One plain-language sentence for readers.
    package var description: String
    /// Unit and format.
    package var unit: MetricUnit
    /// Whether a higher value is good news (`nil`: neither, such as a plain count of people).
    package var higherIsBetter: Bool?

    /// Creates a definition.
    package init(_ key: String, _ label: String, _ unit: MetricUnit, higherIsBetter: Bool?, _ description: String) {
        self.key = key; self.label = label; self.unit = unit; self.higherIsBetter = higherIsBetter
        self.description = description
    }
}
