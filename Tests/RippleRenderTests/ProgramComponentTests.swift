import RippleCore
import RippleMetrics
import RippleRender
import Testing

@Suite struct ProgramComponentTests {
    let metrics = Fixtures.metrics()

    @Test func changeUpDownFlatInWords() {
        let up = MetricChange.compare(key: "sessions_completed", current: .number(10), previous: .number(6), reference: "Q1 2026")
        #expect(up?.text == "Up 4 (67%) since Q1 2026")
        #expect(up?.cssClass == "metric__delta metric__delta--up metric__delta--good")
        let down = MetricChange.compare(key: "cross_department_share", current: .number(0.5), previous: .number(0.532),
                                        reference: "Q1 2026")
        #expect(down?.text == "Down 3.2 points since Q1 2026")
        #expect(down?.tone == .bad)
        let flat = MetricChange.compare(key: "avg_session_rating", current: .number(4.201), previous: .number(4.2),
                                        reference: "Q1 2026")
        #expect(flat?.text == "No change since Q1 2026")
        #expect(flat?.cssClass == "metric__delta metric__delta--flat")
    }

    @Test func riseInPairsAtRiskIsBadNews() {
        let change = MetricChange.compare(key: "at_risk_pairs", current: .number(5), previous: .number(2), reference: "Q1 2026")
        #expect(change?.text == "Up 3 (150%) since Q1 2026")
        #expect(change?.tone == .bad)
        #expect(change?.cssClass.contains("metric__delta--bad") == true)
    }

    @Test func noChangeWithoutTwoNumbers() {
        #expect(MetricChange.compare(key: "pairs_active", current: .suppressed, previous: .number(3), reference: "Q") == nil)
        #expect(MetricChange.compare(key: "pairs_active", current: .number(3), previous: .unavailable, reference: "Q") == nil)
    }

    @Test func tileWithChangeTargetAndSparkline() throws {
        let q2 = try #require(metrics.period("2026-Q2"))
        let tile = MetricTile(key: "sessions_completed", period: q2, previous: metrics.comparisons(for: q2).previous,
                              metrics: metrics, sparkline: ProgramCharts(metrics: metrics).sparkline(key: "sessions_completed"))
        #expect(tile.number == "13")
        #expect(tile.change?.text == "Up 4 (44%) since Q1 2026")
        let html = tile.html()
        #expect(html.contains("<p class=\"metric__label\">Sessions completed</p><p class=\"metric__value\">13</p>"))
        #expect(html.contains("<p class=\"metric__delta metric__delta--up metric__delta--good\">Up 4 (44%) since Q1 2026</p>"))
        #expect(html.contains("class=\"sparkline\""))
        #expect(html.contains("aria-label=\"Sessions completed by quarter: Q1 2026 9, Q2 2026 13\""))

        let match = MetricTile(key: "match_rate", period: q2, metrics: metrics)
        #expect(match.number == "100%")
        #expect(match.target?.text == "Target 70%: met")
        #expect(match.html().contains("<span aria-hidden=\"true\">✓</span> Target 70%: met"))
    }

    @Test func suppressedTileSaysHidden() throws {
        let all = try #require(metrics.all)
        let tile = MetricTile(key: "by_department.participants[Legal]", period: all, metrics: metrics)
        #expect(tile.isSuppressed)
        #expect(tile.number == "Hidden")
        #expect(tile.change == nil)
        #expect(tile.html().hasPrefix("<li class=\"metric metric--suppressed\""))
        #expect(tile.note == "Hidden to protect privacy: it describes fewer than 5 people.")
        #expect(tile.label == "Participants in Legal, all time")
    }

    @Test func unavailableTileShowsDash() throws {
        let q1 = try #require(metrics.period("2026-Q1"))
        let tile = MetricTile(key: "median_days_to_match", period: try #require(metrics.period("2026-Q2")), previous: q1,
                              metrics: metrics)
        #expect(tile.number == "—")
        #expect(tile.unit == "")
        #expect(tile.change == nil)
        #expect(tile.note == "Nothing to measure in Q2 2026.")
    }

    @Test func valuesAndUnits() {
        #expect(MetricText.value(.number(3697.5), key: "session_hours", minGroupSize: 5) == "3,697.5 h")
        #expect(MetricText.parts(.number(4.25), key: "avg_session_rating", minGroupSize: 5) == ("4.25", "/ 5"))
        #expect(MetricText.parts(.suppressed, key: "session_hours", minGroupSize: 5) == ("fewer than 5", ""))
        #expect(MetricText.date(Fixtures.day("2026-06-30")) == "30 June 2026")
    }

    @Test func chartsNameQuartersAsTilesDo() {
        // One quarter label everywhere: the axis, the tooltip and the data table use the period's own label.
        let html = ProgramCharts(metrics: metrics).sessionsByQuarter()
        for quarter in metrics.quarters {
            #expect(html.contains("<th scope=\"row\">\(quarter.label)</th>"))
            #expect(html.contains("data-tip=\"\(quarter.label), Sessions completed: "))
        }
    }

    @Test func everyNamedChartRenders() throws {
        let all = try #require(metrics.all)
        let charts = ProgramCharts(metrics: metrics)
        for name in ProgramChartCatalog.names {
            let html = try #require(ProgramChartCatalog.html(name, period: all, charts: charts), "\(name)")
            #expect(html.hasPrefix("<figure class=\"chart"), "\(name)")
            #expect(html.contains("Show the data"), "\(name)")
            #expect(!html.contains("Secret Person"), "\(name)")
        }
        #expect(ProgramChartCatalog.html("nope", period: all, charts: charts) == nil)
    }

    @Test func closeNames() {
        #expect(CloseNames.suggest("sesions_completed", from: MetricCatalog.all.map(\.key)) == ["sessions_completed"])
        #expect(CloseNames.suggest("zzz", from: ["metric", "chart"]).isEmpty)
    }
}
