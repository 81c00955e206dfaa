import RippleCharts
import RippleCore
import RippleMetrics
@testable import RippleRender
import Testing

/// "Hidden for privacy" and "nothing to measure" read differently on every surface: tile, table cell,
/// chart (and its data table) and CSV. Q2 has its rating hidden and no ratings in Q1; a tiny cohort is
/// hidden as a whole and an empty one has nothing to measure.
@Suite struct HiddenVersusUnmeasuredTests {
    static func period(_ id: String, kind: PeriodMetrics.Kind = .quarter, label: String,
                       _ edit: (inout PeriodMetrics) -> Void) -> PeriodMetrics {
        var period = PeriodMetrics(id: id, kind: kind, label: label, start: Day(year: 2026, month: 1, day: 1)!,
                                   end: Day(year: 2026, month: 3, day: 31)!, toDate: false, departments: ["Legal"], levels: [])
        edit(&period)
        return period
    }

    static let metrics: MetricSet = {
        let q1 = period("2026-Q1", label: "Q1 2026") { $0.sessionsCompleted = 4; $0.avgSessionRating = nil }
        let q2 = period("2026-Q2", label: "Q2 2026") { $0.sessionsCompleted = 9; $0.avgSessionRating = 4.5; $0.suppressed = ["avg_session_rating"] }
        let tiny = period("cohort-tiny", kind: .cohort, label: "Tiny") {
            $0.cohortID = "tiny"; $0.participantsActive = nil; $0.pairsActive = 3; $0.sessionsCompleted = 2
            $0.suppressed = ["participants_active", "mentors_active", "mentees_active", "pairs_active", "sessions_completed",
                             "session_hours", "avg_session_rating"]
        }
        let empty = period("cohort-empty", kind: .cohort, label: "Empty") { $0.cohortID = "empty" }
        return MetricSet(asOf: Day(year: 2026, month: 6, day: 30)!, minGroupSize: 5, fiscalYearStartMonth: 1,
                         periods: [q1, q2, tiny, empty], reach: [], targets: [:])
    }()

    @Test func tiles() throws {
        let q1 = try #require(Self.metrics.period("2026-Q1")), q2 = try #require(Self.metrics.period("2026-Q2"))
        let hidden = MetricTile(key: "avg_session_rating", period: q2, metrics: Self.metrics)
        #expect(hidden.number == "Hidden" && hidden.html().contains("metric--suppressed"))
        #expect(hidden.note == "Hidden to protect privacy: it describes fewer than 5 people.")
        let none = MetricTile(key: "avg_session_rating", period: q1, metrics: Self.metrics)
        #expect(none.number == "—" && none.html().contains("metric--unmeasured"))
        #expect(none.note == "Nothing to measure in Q1 2026.")
    }

    @Test func chartsAndTheirDataTables() {
        let html = ProgramCharts(metrics: Self.metrics).quarterTrend(name: "rating", title: "Rating", description: "d",
                                                                     keys: ["sessions_completed", "avg_session_rating"])
        // Q2 is hidden: hatched, "fewer than 5"; Q1 had nothing to measure: "—", never hatched or "fewer than".
        #expect(html.contains("<th scope=\"row\">Q1 2026</th><td>4</td><td>—</td>"))
        #expect(html.contains("<th scope=\"row\">Q2 2026</th><td>9</td><td>fewer than 5</td>"))
        #expect(html.components(separatedBy: "<rect class=\"suppressed\"").count == 3)  // Q2 in the wide and the narrow layout
        #expect(html.contains("<title>Average session rating, Q2 2026: fewer than 5</title>"))
        #expect(!html.contains("Q1 2026: fewer than"))
        let bars = BarChart(frame: ChartFrame(id: "b", title: "t", description: "d"),
                            data: [.unmeasured("Ratings"), ChartDatum("Legal", nil)]).html()
        #expect(bars.contains("<th scope=\"row\">Ratings</th><td>—</td>") && bars.contains("<th scope=\"row\">Legal</th><td>fewer than 5</td>"))
        #expect(bars.contains("class=\"bar-value unmeasured-label\"") && bars.contains("class=\"bar suppressed\""))
    }

    @Test func tableCells() throws {
        let builder = DashboardBuilder(metrics: Self.metrics)
        let q1 = try #require(Self.metrics.period("2026-Q1")), q2 = try #require(Self.metrics.period("2026-Q2"))
        let none = builder.cell(q1, "avg_session_rating"), hidden = builder.cell(q2, "avg_session_rating")
        #expect(none.text == "—" && none.unmeasured && !none.suppressed)
        #expect(hidden.text == "fewer than 5" && hidden.suppressed && !hidden.unmeasured)
    }

    @Test func csvCells() {
        // The report CSVs: hidden figures say so, figures with nothing to measure are empty.
        #expect(ReportTable.Cell.value(.suppressed, shown: "fewer than 5").csv == "fewer than 5")
        #expect(ReportTable.Cell.value(.unavailable, shown: "—").csv == "")
    }

    @Test func wholeCohortHiddenOrEmptyShowsOneNotice() throws {
        let builder = DashboardBuilder(metrics: Self.metrics)
        let tiny = builder.cohort(try #require(Self.metrics.period("cohort-tiny")))
        #expect(tiny.sections.count == 1 && tiny.sections[0].tiles.isEmpty)
        #expect(tiny.sections[0].notice?.kind == .hidden)
        #expect(tiny.sections[0].notice?.text == "This cohort is too small to publish: its figures describe fewer than 5 people, so they are hidden to protect privacy.")
        let empty = builder.cohort(try #require(Self.metrics.period("cohort-empty")))
        #expect(empty.sections.count == 1 && empty.sections[0].tiles.isEmpty)
        #expect(empty.sections[0].notice?.kind == .empty)
        #expect(empty.sections[0].notice?.text == "This cohort has no activity to measure yet: no pairs ran and no sessions took place.")
    }
}
