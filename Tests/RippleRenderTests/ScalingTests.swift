import RippleCore
import RippleMarkdown
import RippleMetrics
@testable import RippleRender
import RippleTestSupport
import Testing

/// The scaling test of the hardening issue: report and dashboard rendering in the number of departments
/// (1 to 1,000) and heading ids in the number of identical headings (1k to 64k) grow no faster than n log n
/// (see `GrowthCheck` for how it stays reliable beside other tests). About 10 s in a debug build.
@Suite(.serialized) struct ScalingTests {
    @Test func reportsAndNetworkDashboardAreNearLinearInDepartments() {
        let (failure, times) = GrowthCheck().firstFailure(sizes: [1, 10, 100, 1000], prepare: Self.metrics) { metrics in
            for report in ReportBuilder(metrics: metrics).reports() {
                for table in report.tables { _ = table.csv }
            }
            _ = DashboardBuilder(metrics: metrics).page(.network)
        }
        #expect(failure == nil, "\(failure!) (times: \(times.sorted { $0.key < $1.key }))")
    }

    @Test func headingIDsAreNearLinearInIdenticalHeadings() {
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        let (failure, times) = GrowthCheck().firstFailure(sizes: [1000, 8000, 64000], prepare: { n in
            String(repeating: "## Same\n\n", count: n)
        }) { markdown in
            _ = renderer.render(markdown, file: "content/guide/same.md")
        }
        #expect(failure == nil, "\(failure!) (times: \(times.sorted { $0.key < $1.key }))")
    }

    /// Two quarters of a program with `departments` departments: every department has mentors and mentees,
    /// pairs on the diagonal and to the next department, small cells hidden. Built directly (the metrics
    /// engine is not what is measured).
    static func metrics(departments: Int) -> MetricSet {
        let names = (0..<departments).map { "Department \(1000 + $0)" }
        func period(_ id: String, _ label: String, _ start: String, _ end: String, kind: PeriodMetrics.Kind) -> PeriodMetrics {
            var p = PeriodMetrics(id: id, kind: kind, label: label, start: Day(iso: start)!, end: Day(iso: end)!, toDate: false,
                                  departments: names, levels: ["L1", "L2"])
            p.participantsActive = 12 * departments
            p.pairsActive = 6 * departments
            var hidden: [String] = []
            for d in 0..<departments {
                p.byDepartment.participants[d] = 12 + d % 7
                p.byDepartment.pairs[d] = 6
                p.byDepartment.sessions[d] = 20
                p.departmentMatrix.cells[d][d] = 4 + d % 3
                if departments > 1 {
                    let next = (d + 1) % departments
                    p.departmentMatrix.cells[d][next] = nil
                    hidden.append(DepartmentMatrix.cellKey(mentor: names[d], mentee: names[next]))
                }
            }
            p.suppressed = hidden
            return p
        }
        let periods = [period("all", "All time", "2026-01-01", "2026-06-30", kind: .all),
                       period("2026-Q1", "Q1 2026", "2026-01-01", "2026-03-31", kind: .quarter),
                       period("2026-Q2", "Q2 2026", "2026-04-01", "2026-06-30", kind: .quarter)]
        return MetricSet(asOf: Day(iso: "2026-06-30")!, minGroupSize: 5, fiscalYearStartMonth: 1, periods: periods,
                         reach: [], targets: ["match_rate": 0.7])
    }
}
