import RippleCharts
import RippleCore
import RippleMarkdown
import RippleMetrics

/// Renders `{{< metric … >}}` and `{{< chart … >}}` shortcodes in Markdown from the computed metrics.
///
/// - `{{< metric KEY [period=ID] >}}`: inline, the formatted figure in `<span class="metric-inline">`;
///   on a line of its own, a KPI tile (with the change since the quarter before, for a quarter).
/// - `{{< chart NAME [period=ID] >}}`: on a line of its own, a named chart (`ProgramChartCatalog`).
///
/// `period` is `all` (the default), `current` (the quarter holding as_of), a quarter id (`2026-Q3`) or
/// `cohort:<id>`. Unknown names and periods are located errors with close names in the hint.
package struct ShortcodeRenderer: Sendable {
    /// The metrics shortcodes read.
    package var metrics: MetricSet

    /// Creates a renderer.
    package init(metrics: MetricSet) { self.metrics = metrics }

    /// The HTML for one shortcode, or a located error for an unknown name.
    package func render(_ embed: Embed, on page: Page) -> EmbedResult {
        switch embed.name {
        case "metric": return metric(embed)
        case "chart": return chart(embed)
        default:
            let close = CloseNames.suggest(embed.name, from: ["metric", "chart"])
            return .fail(.error("unknown shortcode '\(embed.name)'", at: embed.location,
                                hint: (close.first.map { "did you mean '\($0)'? " } ?? "")
                                    + "Ripple knows {{< metric … >}} and {{< chart … >}}."))
        }
    }

    private func metric(_ embed: Embed) -> EmbedResult {
        if let problem = unexpectedArgument(embed) { return .fail(problem) }
        guard let key = embed.arguments[""], !key.isEmpty else {
            return .fail(.error("the metric shortcode needs a metric name", at: embed.location,
                                hint: "write the name after 'metric', like {{< metric sessions_completed >}}"))
        }
        let period: PeriodMetrics
        switch resolvePeriod(embed) {
        case .success(let found): period = found
        case .failure(let problem): return .fail(problem)
        }
        guard key != "participants_reached", let value = period.value(for: key) else {
            let close = CloseNames.suggest(key, from: Self.metricNames(in: period))
            let hint = close.isEmpty
                ? "use a metric name from docs/metrics.md, such as sessions_completed or pairs_active"
                : "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "? Every metric is listed in docs/metrics.md."
            return .fail(.error("unknown metric '\(key)'", at: embed.location, hint: hint))
        }
        if embed.isBlock {
            let previous = metrics.comparisons(for: period).previous
            let charts = ProgramCharts(metrics: metrics, idPrefix: "sc\(embed.location.line ?? 0)-\(embed.location.column ?? 0)-")
            let spark = period.kind == .cohort ? nil : charts.sparkline(key: key)
            let tile = MetricTile(key: key, period: period, previous: previous, metrics: metrics, sparkline: spark)
            return .html(MetricTile.grid([tile]), text: tile.plainText)
        }
        let text = MetricText.value(value, key: key, minGroupSize: metrics.minGroupSize)
        let title = "\(MetricTile.label(for: key)), \(period.label)"
        return .html("<span class=\"metric-inline\(value == .suppressed ? " suppressed" : "")\" title=\"\(SVG.escape(title))\">"
                     + SVG.escape(text) + "</span>", text: text)
    }

    private func chart(_ embed: Embed) -> EmbedResult {
        if let problem = unexpectedArgument(embed) { return .fail(problem) }
        guard let name = embed.arguments[""], !name.isEmpty else {
            return .fail(.error("the chart shortcode needs a chart name", at: embed.location,
                                hint: "write the name after 'chart', like {{< chart sessions_by_quarter >}}"))
        }
        guard ProgramChartCatalog.entry(name) != nil else {
            let close = CloseNames.suggest(name, from: ProgramChartCatalog.names)
            let hint = close.isEmpty
                ? "use a chart name listed in docs/metrics.md, such as sessions_by_quarter or department_matrix"
                : "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "? Every chart is listed in docs/metrics.md."
            return .fail(.error("unknown chart '\(name)'", at: embed.location, hint: hint))
        }
        guard embed.isBlock else {
            return .fail(.error("the chart '\(name)' must be on a line of its own", at: embed.location,
                                hint: "put the chart shortcode in its own paragraph, with an empty line before and after"))
        }
        let period: PeriodMetrics
        switch resolvePeriod(embed) {
        case .success(let found): period = found
        case .failure(let problem): return .fail(problem)
        }
        var charts = ProgramCharts(metrics: metrics, idPrefix: "sc\(embed.location.line ?? 0)-\(embed.location.column ?? 0)-")
        let html = ProgramChartCatalog.html(name, period: period, charts: charts) ?? ""
        charts.output = .text
        return .html(html, text: ProgramChartCatalog.html(name, period: period, charts: charts) ?? "")
    }

    private func unexpectedArgument(_ embed: Embed) -> Diagnostic? {
        guard let key = embed.arguments.keys.sorted().first(where: { $0 != "" && $0 != "period" }) else { return nil }
        return .error("the \(embed.name) shortcode has no setting '\(key)'", at: embed.location,
                      hint: "the only setting is period=…, like {{< \(embed.name) … period=2026-Q3 >}}")
    }

    private func resolvePeriod(_ embed: Embed) -> Result<PeriodMetrics, Diagnostic> {
        let id = embed.arguments["period"] ?? "all"
        if id == "current", let current = metrics.currentQuarter { return .success(current) }
        if let period = metrics.period(id) { return .success(period) }
        let ids = metrics.periods.map(\.id)
        let close = CloseNames.suggest(id, from: ids + ["current"])
        var hint = close.isEmpty ? "" : "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "? "
        hint += "A period is 'all', 'current', a quarter"
        if let first = metrics.quarters.first, let last = metrics.quarters.last {
            hint += first.id == last.id ? " (\(first.id))" : " (\(first.id) to \(last.id))"
        }
        hint += " or cohort:<id>."
        return .failure(.error("unknown period '\(id)'", at: embed.location, hint: hint))
    }

    /// Every key a shortcode can name in `period`, for suggestions.
    static func metricNames(in period: PeriodMetrics) -> [String] {
        let lists: Set<String> = ["survey_score", "trainings_completed", "participants_reached", "enrolment_share_by_department"]
        var names: [String] = MetricCatalog.all.map(\.key).filter { !lists.contains($0) }
        names += period.surveyScore.map { "survey_score[\($0.key)]" }
        names += period.enrolmentShareByDepartment.map { "enrolment_share_by_department[\($0.key)]" }
        names += period.trainingsCompleted.map { "trainings_completed[\($0.key)]" }
        return names
    }
}
