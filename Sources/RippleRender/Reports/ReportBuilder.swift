import RippleCharts
import RippleMetrics

/// Builds the quarterly reports from the computed metrics: the same figures, tiles, charts and privacy
/// suppression as the dashboards (`MetricTile`, `ProgramCharts`), seen from one quarter.
package struct ReportBuilder: Sendable {
    /// The metrics of the whole program.
    package var metrics: MetricSet
    /// Quarters shown in trend charts, ending with the report's quarter.
    package static let trendLength = 8

    /// Creates a builder.
    /// `.text` builds the reports with each chart's visible text in place of its HTML (for the search index).
    package var chartOutput: ProgramCharts.Output = .html

    package init(metrics: MetricSet, chartOutput: ProgramCharts.Output = .html) {
        self.metrics = metrics
        self.chartOutput = chartOutput
    }

    /// Ids of every quarter with a report, oldest first.
    package var quarterIDs: [String] { metrics.quarters.map(\.id) }

    /// Every quarter's report, newest first (the order of the reports index).
    package func reports() -> [QuarterReport] { quarterIDs.reversed().compactMap(report(for:)) }

    /// The report of one quarter; `nil` when the program has no such quarter.
    package func report(for id: String) -> QuarterReport? {
        guard let period = metrics.period(id), period.kind == .quarter else { return nil }
        let scope = Scope(metrics: metrics, period: period, chartOutput: chartOutput)
        let headlineKeys = ["participants_active", "pairs_active", "sessions_completed", "match_rate"]
        let sections = scope.sections()
        var report = QuarterReport(
            id: id, label: period.label, start: period.start, end: period.end, toDate: period.toDate,
            previousLabel: scope.previous?.label, yearAgoLabel: scope.yearAgo?.label,
            isHidden: period.isSuppressed("participants_active"),
            headline: headlineKeys.map { scope.figure($0, sparkline: true) }, kpis: scope.targetKeys.map { scope.figure($0) },
            sections: sections)
        report.largestChanges = Self.largestChanges(sections.flatMap(\.figures))
        return report
    }

    /// How many changes the summary lists.
    package static let changeCount = 3

    /// The figures that moved most since the previous quarter (or its same days), by size of the change relative to
    /// the earlier figure; each key once, ties in page order. Figures without a comparison, or from nothing, are left
    /// out, and so are the parts of a figure (one survey, one training module), which move most on small numbers.
    static func largestChanges(_ figures: [ReportFigure]) -> [ReportFigure] {
        var seen = Set<String>()
        let ranked = figures.enumerated().compactMap { index, figure -> (Double, Int, ReportFigure)? in
            guard !figure.key.contains("["), seen.insert(figure.key).inserted, figure.tile.change?.direction ?? .flat != .flat,
                  let now = figure.value.number, let old = figure.previous?.number, old != 0 else { return nil }
            return (abs(now - old) / abs(old), index, figure)
        }
        return ranked.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.prefix(changeCount).map(\.2)
    }

    /// One quarter with the quarters it is compared with.
    struct Scope {
        let metrics: MetricSet
        let period: PeriodMetrics
        let previous: PeriodMetrics?
        let yearAgo: PeriodMetrics?
        /// Charts over the recent quarters up to this one: the dashboards' builders on a metric set cut at this quarter.
        let charts: ProgramCharts

        init(metrics: MetricSet, period: PeriodMetrics, chartOutput: ProgramCharts.Output) {
            self.metrics = metrics
            self.period = period
            (previous, yearAgo) = metrics.comparisons(for: period)
            var cut = metrics
            let quarters = metrics.quarters
            let index = quarters.firstIndex { $0.id == period.id } ?? 0
            let recent = Set(quarters[max(0, index - ReportBuilder.trendLength + 1)...index].map(\.id))
            cut.periods = metrics.periods.filter { $0.kind != .quarter || recent.contains($0.id) }
            cut.reach = metrics.reach.filter { recent.contains($0.quarter) }
            charts = ProgramCharts(metrics: cut, idPrefix: "report-", output: chartOutput)
        }

        var minGroupSize: Int { metrics.minGroupSize }

        /// The targets that apply in this quarter (`MetricSet.targets(for:)`).
        var targets: [String: Double] { metrics.targets(for: period.id) }

        /// Metrics with a target, in catalogue order.
        var targetKeys: [String] { MetricCatalog.all.map(\.key).filter { targets[$0] != nil } }

        /// A figure of the catalogue (or a nested key such as `survey_score[pulse]`) for this quarter.
        func figure(_ key: String, label: String? = nil, sparkline: Bool = false) -> ReportFigure {
            ReportFigure(key: key, period: period, previous: previous, yearAgo: yearAgo, metrics: metrics, label: label,
                         sparkline: sparkline ? charts.sparkline(key: key, count: ReportBuilder.trendLength, idSuffix: "-\(period.id)") : nil)
        }

        /// The figures table of a section: value, comparisons, target.
        func figuresTable(_ id: String, _ figures: [ReportFigure]) -> ReportTable {
            let targets = targets
            let hasTarget = figures.contains { targets[$0.key] != nil }
            var columns = ["Measure", period.toDate ? MetricsEngine.quarterToDateLabel(period.label, end: period.end) : period.label]
            if let previous { columns += [previous.label, "Change since \(previous.label)"] }
            if let yearAgo { columns += [yearAgo.label, "Change since \(yearAgo.label)"] }
            if hasTarget { columns += ["Target", "Target met"] }
            let rows: [[ReportTable.Cell]] = figures.map { figure in
                var row: [ReportTable.Cell] = [.init(figure.label), .value(figure.value, shown: figure.text)]
                if let old = figure.previous { row += comparison(figure, old, figure.tile.change) }
                if let old = figure.yearAgo { row += comparison(figure, old, figure.yearAgoChange) }
                if hasTarget {
                    if let target = targets[figure.key] {
                        // A target set for this quarter alone says so: the scorecard names the target that applied.
                        let own = metrics.targetsByQuarter[period.id]?[figure.key] != nil ? " (set for \(period.label))" : ""
                        row.append(.init((MetricTarget.text(key: figure.key, targets: targets) ?? "") + own,
                                         csv: ReportCSV.number(target)))
                        row.append(statusCell(figure))
                    } else {
                        row += [.init(""), .init("")]
                    }
                }
                return row
            }
            return ReportTable(id: id, title: "Figures for \(period.label)", columns: columns, rows: rows)
        }

        private func comparison(_ figure: ReportFigure, _ old: MetricValue, _ change: MetricChange?) -> [ReportTable.Cell] {
            let changeCell = change.map { change in
                let amount = change.direction == .flat ? "0" : (change.direction == .up ? "+" : "−") + change.amount
                let csv = figure.value.number.flatMap { now in old.number.map { ReportCSV.number(now - $0) } } ?? ""
                return ReportTable.Cell(amount, csv: csv, style: change.cssClass)
            } ?? .init("—", csv: "")
            return [.value(old, shown: figure.format(old)), changeCell]
        }

        /// Met / not met in words (the page adds ✓ / ✗); "cannot tell" when the figure is hidden or missing.
        func statusCell(_ figure: ReportFigure) -> ReportTable.Cell {
            guard let target = figure.tile.target else {
                let text = figure.value == .suppressed ? "Cannot tell (fewer than \(minGroupSize))" : "Cannot tell (no data)"
                return .init(text, csv: "unknown", style: "status status--unknown")
            }
            return target.isMet ? .init("Met", csv: "met", style: "status status--met")
                : .init("Not met", csv: "not met", style: "status status--not-met")
        }

        /// The data of a trend chart: one row per recent quarter, one column per key.
        func trendTable(_ id: String, _ title: String, keys: [String], names: [String]? = nil) -> ReportTable {
            let quarters = charts.metrics.quarters
            let rows: [[ReportTable.Cell]] = quarters.map { quarter in
                [.init(ProgramCharts.axisLabel(quarter))] + keys.map { key in
                    let value = quarter.value(for: key) ?? .unavailable
                    return .value(value, shown: MetricText.value(value, key: key, minGroupSize: minGroupSize))
                }
            }
            return ReportTable(id: id, title: title, columns: ["Quarter"] + (names ?? keys.map(MetricTile.label(for:))), rows: rows)
        }

        /// A trend chart of `keys` with its data.
        func trend(_ id: String, _ title: String, _ description: String, keys: [String]) -> ReportChart {
            ReportChart(html: charts.quarterTrend(name: id, title: title, description: description, keys: keys),
                        data: trendTable("\(id)-trend", title, keys: keys))
        }
    }
}
