import RippleCharts
import RippleMetrics

/// Builds the quarterly reports from the computed metrics: the same figures, with the same privacy
/// suppression, as the dashboards.
package struct ReportBuilder: Sendable {
    /// The metrics of the whole program.
    package var metrics: MetricSet
    /// Quarters shown in trend charts, ending with the report's quarter.
    package static let trendLength = 8

    /// Creates a builder.
    package init(metrics: MetricSet) { self.metrics = metrics }

    /// Ids of every quarter with a report, oldest first.
    package var quarterIDs: [String] { metrics.quarters.map(\.id) }

    /// Every quarter's report, newest first (the order of the reports index).
    package func reports() -> [QuarterReport] { quarterIDs.reversed().compactMap(report(for:)) }

    /// The report of one quarter; `nil` when the program has no such quarter.
    package func report(for id: String) -> QuarterReport? {
        guard let period = metrics.period(id), period.kind == .quarter else { return nil }
        let scope = Scope(metrics: metrics, period: period)
        let headlineKeys = ["participants_active", "pairs_active", "sessions_completed", "match_rate"]
        let targeted = MetricCatalog.all.map(\.key).filter { metrics.targets[$0] != nil }
        return QuarterReport(
            id: id, label: period.label, start: period.start, end: period.end, toDate: period.toDate,
            previousLabel: scope.previous?.label, yearAgoLabel: scope.yearAgo?.label,
            isHidden: period.isSuppressed("participants_active"),
            headline: headlineKeys.map { scope.figure($0) }, kpis: targeted.map { scope.figure($0) },
            sections: scope.sections())
    }

    /// One quarter with the quarters it is compared with.
    struct Scope {
        let metrics: MetricSet
        let period: PeriodMetrics
        let previous: PeriodMetrics?
        let yearAgo: PeriodMetrics?
        /// The quarters of trend charts, oldest first, ending with `period`.
        let trend: [PeriodMetrics]

        init(metrics: MetricSet, period: PeriodMetrics) {
            self.metrics = metrics
            self.period = period
            previous = metrics.quarter(before: period.id)
            yearAgo = Self.yearEarlier(period.id).flatMap(metrics.period)
            let quarters = metrics.quarters
            let index = quarters.firstIndex { $0.id == period.id } ?? 0
            trend = Array(quarters[max(0, index - ReportBuilder.trendLength + 1)...index])
        }

        /// `2026-Q3` → `2025-Q3`.
        static func yearEarlier(_ id: String) -> String? {
            let parts = id.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]) else { return nil }
            return "\(year - 1)-\(parts[1])"
        }

        var minGroupSize: Int { metrics.minGroupSize }

        /// A figure of the catalogue (or a nested key such as `survey_score[pulse]`) for this quarter.
        func figure(_ key: String, label: String? = nil) -> ReportFigure {
            let definition = MetricCatalog.definition(key)
            return ReportFigure(
                key: key, label: label ?? definition?.label ?? key, description: definition?.description ?? "",
                value: period.value(for: key) ?? .unavailable,
                previous: previous.map { $0.value(for: key) ?? .unavailable },
                yearAgo: yearAgo.map { $0.value(for: key) ?? .unavailable },
                target: metrics.targets[key], unit: definition?.unit ?? .ratio,
                higherIsBetter: definition?.higherIsBetter, minGroupSize: minGroupSize)
        }

        /// A chart frame with this report's privacy threshold.
        func frame(_ id: String, _ title: String, _ description: String) -> ChartFrame {
            ChartFrame(id: "\(id)-chart", title: title, description: description, minGroupSize: minGroupSize)
        }

        /// The figures table of a section: value, comparisons, target.
        func figuresTable(_ id: String, _ figures: [ReportFigure]) -> ReportTable {
            let hasTarget = figures.contains { $0.target != nil }
            var columns = ["Measure", period.label + (period.toDate ? " (to date)" : "")]
            if let previous { columns += [previous.label, "Change since \(previous.label)"] }
            if let yearAgo { columns += [yearAgo.label, "Change since \(yearAgo.label)"] }
            if hasTarget { columns += ["Target", "Target met"] }
            let rows: [[ReportTable.Cell]] = figures.map { figure in
                var row: [ReportTable.Cell] = [.init(figure.label), .value(figure.value, shown: figure.text)]
                if let old = figure.previous { row += comparison(figure, old, figure.changeSincePrevious) }
                if let old = figure.yearAgo { row += comparison(figure, old, figure.changeSinceYearAgo) }
                if hasTarget {
                    if let target = figure.target, let status = figure.targetStatus {
                        row.append(.init(figure.targetText ?? "", csv: ReportCSV.number(target)))
                        row.append(Self.statusCell(status, minGroupSize: minGroupSize, suppressed: figure.value == .suppressed))
                    } else {
                        row += [.init(""), .init("")]
                    }
                }
                return row
            }
            return ReportTable(id: id, title: "Figures for \(period.label)", columns: columns, rows: rows)
        }

        private func comparison(_ figure: ReportFigure, _ old: MetricValue, _ change: ReportChange?) -> [ReportTable.Cell] {
            let changeCell = change.map {
                ReportTable.Cell($0.words, csv: ReportCSV.number($0.difference), style: "change change--\($0.direction.rawValue) change--\($0.tone.rawValue)")
            } ?? .init("—", csv: "")
            return [.value(old, shown: figure.format(old)), changeCell]
        }

        static func statusCell(_ status: ReportFigure.TargetStatus, minGroupSize: Int, suppressed: Bool) -> ReportTable.Cell {
            switch status {
            case .met: return .init("Met", csv: "met", style: "status status--met")
            case .notMet: return .init("Not met", csv: "not met", style: "status status--not-met")
            case .unknown:
                let text = suppressed ? "Cannot tell (fewer than \(minGroupSize))" : "Cannot tell (no data)"
                return .init(text, csv: "unknown", style: "status status--unknown")
            }
        }

        /// A trend over the recent quarters, one series per key.
        func trendChart(_ id: String, _ title: String, _ description: String,
                        series: [(name: String, key: String)]) -> ReportChart {
            let categories = trend.map(\.label)
            let lines = series.map { item in ChartSeries(item.name, trend.map { $0.value(for: item.key)?.number }) }
            let chart = LineChart(frame: frame(id, title, description), categories: categories, series: lines)
            let rows: [[ReportTable.Cell]] = trend.map { quarter in
                [.init(quarter.label)] + series.map { item in
                    let value = quarter.value(for: item.key) ?? .unavailable
                    let shown = ReportFigure.format(value, unit: MetricCatalog.definition(item.key)?.unit ?? .count,
                                                    minGroupSize: minGroupSize)
                    return .value(value, shown: shown)
                }
            }
            let data = ReportTable(id: "\(id)-trend", title: title, columns: ["Quarter"] + series.map(\.name), rows: rows)
            return ReportChart(html: chart.html(), data: data)
        }

        /// This quarter's figures as horizontal bars.
        func barChart(_ id: String, _ title: String, _ description: String, figures: [ReportFigure],
                      valueHeading: String) -> ReportChart {
            let data = figures.map { figure in
                switch figure.value {
                case .number(let number): ChartDatum(figure.label, number, display: figure.text)
                case .suppressed: ChartDatum(figure.label, nil)
                case .unavailable: ChartDatum(figure.label, 0, display: "—")
                }
            }
            let chart = BarChart(frame: frame(id, title, description), data: data, valueHeading: valueHeading)
            let table = ReportTable(id: "\(id)-chart", title: title, columns: ["", valueHeading],
                                    rows: figures.map { [.init($0.label), .value($0.value, shown: $0.text)] })
            return ReportChart(html: chart.html(), data: table)
        }
    }
}
