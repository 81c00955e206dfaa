import RippleCharts
import RippleMetrics
import RippleTemplate

/// One figure of a quarterly report: the dashboards' KPI tile for the quarter (value, change since the
/// previous quarter, target), plus the same quarter a year earlier.
package struct ReportFigure: Sendable, Hashable {
    /// The shared KPI tile: label, formatted value, change since the previous quarter, target status.
    package var tile: MetricTile
    /// The previous quarter's value; `nil` when there is no previous quarter.
    package var previous: MetricValue?
    /// The same quarter a year earlier; `nil` when the program did not run then.
    package var yearAgo: MetricValue?
    /// The change since the same quarter a year earlier, when both are numbers.
    package var yearAgoChange: MetricChange?
    /// `privacy.min_group_size`, for "fewer than N".
    package var minGroupSize: Int

    /// Creates the figure of `key` in `period`, compared with `previous` and `yearAgo`.
    package init(key: String, period: PeriodMetrics, previous: PeriodMetrics?, yearAgo: PeriodMetrics?,
                 metrics: MetricSet, label: String? = nil, sparkline: Sparkline? = nil) {
        minGroupSize = metrics.minGroupSize
        tile = MetricTile(key: key, period: period, previous: previous, metrics: metrics, sparkline: sparkline)
        if let label { tile.label = label }
        self.previous = previous.map { $0.value(for: key) ?? .unavailable }
        self.yearAgo = yearAgo.map { $0.value(for: key) ?? .unavailable }
        yearAgoChange = yearAgo.flatMap { MetricChange.compare(key: key, current: tile.value, previous: $0.value(for: key) ?? .unavailable,
                                                               reference: $0.label) }
    }

    /// Metric key.
    package var key: String { tile.key }
    /// Label.
    package var label: String { tile.label }
    /// This quarter's value.
    package var value: MetricValue { tile.value }
    /// The value as readers see it: `42.5%`, `fewer than 5`, `—`.
    package var text: String { format(value) }

    /// Another value of this metric as readers see it.
    package func format(_ other: MetricValue) -> String {
        MetricText.value(other, key: key, minGroupSize: minGroupSize)
    }

    /// The tile's template fields plus `year_ago_change` (`text`, `class`) or null.
    package var templateValue: TemplateValue {
        guard case var .object(fields) = tile.templateValue else { return tile.templateValue }
        fields["year_ago_change"] = yearAgoChange.map {
            .object(["text": .string($0.text), "class": .string($0.cssClass)])
        } ?? .null
        return .object(fields)
    }
}

extension ReportFigure {
    /// A share as readers see it (`90%`), "fewer than N" or "—".
    static func share(_ value: MetricValue, minGroupSize: Int) -> String {
        switch value {
        case .number(let number): MetricUnit.share.format(number)
        case .suppressed: "fewer than \(minGroupSize)"
        case .unavailable: "—"
        }
    }
}
