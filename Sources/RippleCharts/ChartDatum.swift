/// One labelled value of a chart. `nil` means suppressed for privacy ("fewer than N"), unless the datum is
/// `unmeasured`: nothing to measure ("—"), drawn without hatching.
package struct ChartDatum: Sendable, Hashable {
    /// Category label (department, quarter …).
    package var label: String
    /// The value; `nil` when suppressed.
    package var value: Double?
    /// How the value is written (`42%`); defaults to the plain number.
    package var display: String?

    /// Whether the value is missing because there was nothing to measure (not hidden).
    package var isUnmeasured = false

    /// Creates a datum.
    package init(_ label: String, _ value: Double?, display: String? = nil) {
        self.label = label; self.value = value; self.display = display
    }

    /// A datum with nothing to measure.
    package static func unmeasured(_ label: String) -> ChartDatum {
        var datum = ChartDatum(label, nil)
        datum.isUnmeasured = true
        return datum
    }
}

/// One named series of a line or stacked chart, aligned with the chart's categories.
package struct ChartSeries: Sendable, Hashable {
    /// Series name shown in the legend and the table.
    package var name: String
    /// Values per category; `nil` when suppressed, or when its index is in `unmeasured`.
    package var values: [Double?]
    /// Indices of categories with nothing to measure ("—", not hidden).
    package var unmeasured: Set<Int>

    /// Creates a series.
    package init(_ name: String, _ values: [Double?], unmeasured: Set<Int> = []) {
        self.name = name; self.values = values; self.unmeasured = unmeasured
    }

    /// The value at `index`, nil past the end.
    func value(_ index: Int) -> Double? { index < values.count ? values[index] : nil }

    /// Whether the value at `index` is hidden for privacy (missing and not unmeasured).
    func isHidden(_ index: Int) -> Bool { value(index) == nil && !unmeasured.contains(index) }
}
