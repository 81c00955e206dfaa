import RippleCore
import RippleMetrics

/// Builds the view models of every dashboard page from a `MetricSet`. Pure; each page is built
/// independently so the renderer can build them in parallel.
struct DashboardBuilder: Sendable {
    var metrics: MetricSet
    /// `.text` builds the pages with each chart's visible text in place of its HTML (for the search index).
    var chartOutput: ProgramCharts.Output = .html

    /// One page to build.
    enum Kind: Sendable {
        case overview, cohorts, reciprocal, network, training
        case cohort(PeriodMetrics)

        /// Whether the page goes into the search index (not the page of each cohort: see `DashboardRenderer.jobs`).
        var isSearched: Bool {
            if case .cohort = self { return false }
            return true
        }
    }

    /// Every page: overview, cohorts list, one per cohort, reciprocal, network, training.
    var kinds: [Kind] {
        [.overview, .cohorts] + metrics.cohorts.map { Kind.cohort($0) } + [.reciprocal, .network, .training]
    }

    func page(_ kind: Kind) -> DashboardPage {
        switch kind {
        case .overview: return overview()
        case .cohorts: return cohortList()
        case .cohort(let period): return cohort(period)
        case .reciprocal: return reciprocal()
        case .network: return network()
        case .training: return training()
        }
    }

    /// The sub-navigation: (id, title, output path).
    static let subnav: [(id: String, title: String, path: String)] = [
        ("overview", "Overview", "dashboards/index.html"),
        ("cohorts", "Cohorts", "dashboards/cohorts/index.html"),
        ("reciprocal", "Reciprocal mentoring", "dashboards/reciprocal/index.html"),
        ("network", "Network", "dashboards/network/index.html"),
        ("training", "Training", "dashboards/training/index.html"),
    ]

    // MARK: Shared pieces

    /// The quarter the headline figures describe (the one holding as_of), else the whole program.
    var headline: PeriodMetrics? { metrics.currentQuarter ?? metrics.all }

    var headlineNote: String {
        guard let period = headline else { return "There are no figures yet." }
        if period.kind == .all { return "Figures for the whole program, up to \(MetricText.date(metrics.asOf))." }
        var note = "Figures for \(period.label)"
        note += period.toDate ? ", to \(MetricText.date(period.end)) (the quarter is still running)" : ""
        if let previous = metrics.comparisons(for: period).previous {
            note += period.toDate ? ", compared with the same days of \(previous.label)" : ", compared with \(previous.label)"
        }
        return note + "."
    }

    /// Tiles of `keys` for the headline period, with change since the quarter before (its same days, while the
    /// quarter runs: see `MetricSet.comparisons(for:)`) and sparklines.
    func headlineTiles(_ keys: [String], charts: ProgramCharts) -> [MetricTile] {
        guard let period = headline else { return [] }
        let previous = metrics.comparisons(for: period).previous
        return keys.map { key in
            MetricTile(key: key, period: period, previous: previous, metrics: metrics,
                       sparkline: period.kind == .quarter ? charts.sparkline(key: key) : nil)
        }
    }

    /// `section` as it should show the figures of `period`: its tiles, or one notice instead of a grid of
    /// identical tiles when privacy hid every figure or nothing happened to measure. `what` names the
    /// period for readers (`This cohort`, `Q3 2026`).
    func figures(_ section: DashboardSection, of period: PeriodMetrics, what: String) -> DashboardSection {
        var section = section
        guard !section.tiles.isEmpty, !section.tiles.contains(where: { $0.value.number.map { $0 != 0 } ?? false }) else {
            return section
        }
        if section.tiles.contains(where: \.isSuppressed) {
            section.notice = .init(kind: .hidden, text: "\(what) is too small to publish: its figures describe fewer than "
                + "\(metrics.minGroupSize) people, so they are hidden to protect privacy.")
        } else {
            section.notice = .init(kind: .empty, text: "\(what) has no activity to measure yet: no pairs ran and no sessions took place.")
        }
        section.tiles = []
        section.intro = ""
        return section
    }

    /// Tiles of `keys` for one period, without comparison.
    func tiles(_ keys: [String], period: PeriodMetrics) -> [MetricTile] {
        keys.map { MetricTile(key: $0, period: period, metrics: metrics) }
    }

    /// A table cell with a figure.
    func cell(_ period: PeriodMetrics, _ key: String) -> DashboardTable.Cell {
        let value = period.value(for: key) ?? .unavailable
        return .init(text: MetricText.value(value, key: key, minGroupSize: metrics.minGroupSize), numeric: true,
                     suppressed: value == .suppressed, unmeasured: value == .unavailable)
    }

    /// The output folder name of a cohort (`Cohort.slug(forID:)`, which the data loader keeps unique).
    static func slug(_ period: PeriodMetrics) -> String { Cohort.slug(forID: period.cohortID ?? period.id) }

    static func cohortPath(_ period: PeriodMetrics) -> String { "dashboards/cohorts/\(slug(period))/index.html" }

    // MARK: Overview

    func overview() -> DashboardPage {
        let charts = ProgramCharts(metrics: metrics, output: chartOutput)
        var sections: [DashboardSection] = []
        if let headline {
            sections.append(figures(DashboardSection(
                id: "headline", title: headline.kind == .quarter ? "This quarter at a glance" : "At a glance",
                intro: "Each figure shows the change since the quarter before and its trend over the last quarters.",
                tiles: headlineTiles(["participants_active", "pairs_active", "pairs_started", "sessions_completed",
                                      "session_hours", "avg_session_rating", "match_rate", "median_days_to_match",
                                      "at_risk_pairs", "cross_department_share", "role_swap_share", "goals_achieved"],
                                     charts: charts)), of: headline, what: headline.label))
        }
        if !metrics.quarters.isEmpty {
            sections.append(DashboardSection(
                id: "trends", title: "Trends across quarters",
                intro: "How participation and activity have changed quarter by quarter. Open “Show the data” under a chart for the figures.",
                charts: [charts.participantsByQuarter(), charts.activePairsByQuarter(), charts.sessionsByQuarter(),
                         charts.sharesByQuarter()]))
        }
        if let all = metrics.all {
            sections.append(figures(DashboardSection(
                id: "all-time", title: "All time, since the program began",
                intro: "Totals from the first pair's start to \(MetricText.date(metrics.asOf)): everyone who ever took part, not only those active now.",
                tiles: tiles(["participants_active", "pairs_active", "sessions_completed", "session_hours",
                              "goals_achieved", "completion_rate", "departments_connected", "mentees_became_mentors"],
                             period: all)), of: all, what: "The program"))
        }
        return DashboardPage(path: "dashboards/index.html", section: "overview", title: "Program dashboard",
                             summary: "Headline figures of the mentoring program, the change since last quarter and the trends across quarters.",
                             periodNote: headlineNote, sections: sections)
    }
}
