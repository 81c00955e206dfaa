import RippleCore
import RippleMetrics
@testable import RippleRender
import Testing

/// The quarter holding as_of, as dashboards, reports and charts show it: compared with the same days of earlier
/// quarters, and drawn as a to-date point rather than a drop (issue 19).
@Suite struct RunningQuarterTests {
    /// The render fixture with four more sessions late in Q1 2026 and as_of 20 May 2026, 50 days into Q2: Q2 has 9
    /// sessions so far; Q1 had 13, of which 9 in its first 50 days (to 19 February).
    static let metrics: MetricSet = {
        var program = Fixtures.program
        for n in 0..<4 {
            program.sessions.append(Session(id: "late\(n)", pair: n, date: Fixtures.day("2026-03-20"), durationMinutes: 60))
        }
        var config = Fixtures.config(minGroupSize: 1)
        config.program.asOf = Fixtures.day("2026-05-20")
        return Fixtures.metrics(program, config: config)
    }()

    @Test func dashboardTilesCompareWithTheSameDaysOfThePreviousQuarter() throws {
        let builder = DashboardBuilder(metrics: Self.metrics)
        let tile = try #require(builder.headlineTiles(["sessions_completed"], charts: ProgramCharts(metrics: Self.metrics)).first)
        #expect(Self.metrics.period("2026-Q1")?.sessionsCompleted == 13)
        #expect(tile.number == "9")
        #expect(tile.change?.text == "No change since Q1 2026 to 19 Feb")
        #expect(tile.note == "", "no 'so far' caveat once the comparison is like for like")
        #expect(builder.headlineNote == "Figures for Q2 2026, to 20 May 2026 (the quarter is still running), "
            + "compared with the same days of Q1 2026 to 19 Feb.")
    }

    @Test func trendChartsDrawTheRunningQuarterAsAToDatePoint() {
        let html = ProgramCharts(metrics: Self.metrics).sessionsByQuarter()
        #expect(html.contains("<th scope=\"row\">Q2 2026 to 20 May</th><td>9</td>"))
        #expect(html.contains("data-tip=\"Q2 2026 to 20 May, Sessions completed: 9\""))
        // One dotted segment into the running quarter per layout, and its marker hollow; Q1's marker stays solid.
        #expect(html.components(separatedBy: "class=\"line to-date series-1\"").count == 3)
        #expect(html.components(separatedBy: "class=\"marker to-date series-1\"").count == 3)
        #expect(html.contains("class=\"marker series-1\" fill=\"#0a6b72\" stroke=\"#0a6b72\" data-tip=\"Q1 2026, Sessions completed: 13\""))
    }

    @Test func sparklinesDrawTheRunningQuarterAsAToDatePoint() throws {
        let spark = try #require(ProgramCharts(metrics: Self.metrics).sparkline(key: "sessions_completed")).html()
        #expect(spark.contains("aria-label=\"Sessions completed by quarter: Q1 2026 13, Q2 2026 to 20 May 9\""))
        #expect(spark.contains("class=\"line to-date series-1\"") && spark.contains("class=\"marker to-date series-1\""))
    }

    @Test func completeQuartersAreDrawnAsBefore() throws {
        let complete = Fixtures.metrics()
        let html = ProgramCharts(metrics: complete).sessionsByQuarter()
        let spark = try #require(ProgramCharts(metrics: complete).sparkline(key: "sessions_completed")).html()
        #expect(!html.contains("to-date") && !spark.contains("to-date"))
    }

    @Test func reportTablesNameTheWindows() throws {
        let report = try #require(ReportBuilder(metrics: Self.metrics).report(for: "2026-Q2"))
        let engagement = try #require(report.sections.first { $0.id == "engagement" })
        let figures = try #require(engagement.tables.first)
        #expect(figures.columns.prefix(4) == ["Measure", "Q2 2026 to 20 May", "Q1 2026 to 19 Feb", "Change since Q1 2026 to 19 Feb"])
        let trend = try #require(engagement.charts.first?.data)
        #expect(trend.rows.map { $0[0].text } == ["Q1 2026", "Q2 2026 to 20 May"])
    }
}
