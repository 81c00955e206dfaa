/// One labelled value of a chart. `nil` means suppressed for privacy ("fewer than N").
package struct ChartDatum: Sendable, Hashable {
    /// Category label (department, quarter …).
    package var label: String
    /// The value; `nil` when suppressed.
    package var value: Double?
    /// How the value is written (`42%`); defaults to the plain number.
    package var display: String?

    /// Creates a datum.
    package init(_ label: String, _ value: Double?, display: String? = nil) {
        self.label = label; self.value = value; self.display = display
    }
}

/// One named series of a line or stacked chart, aligned with the chart's categories.
package struct ChartSeries: Sendable, Hashable {
    /// Series name shown in the legend and the table.
    package var name: String
    /// Values per category; `nil` when suppressed.
    package var values: [Double?]

    /// Creates a series.
    package init(_ name: String, _ values: [Double?]) { self.name = name; self.values = values }
}
