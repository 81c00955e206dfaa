import RippleCore
import RippleMetrics
@testable import RippleRender
import Testing

/// `targets_by_quarter` overrides `targets` in the quarters it names, and the report says which target applied.
@Suite struct QuarterTargetsTests {
    static let metrics: MetricSet = {
        var config = Fixtures.config()
        config.targetsByQuarter = ["2026-Q2": ["match_rate": 1.5]]
        return Fixtures.metrics(config: config)
    }()

    @Test func aQuartersOwnTargetReplacesTheProgramsThere() throws {
        #expect(Self.metrics.targets(for: "2026-Q2") == ["match_rate": 1.5])
        #expect(Self.metrics.targets(for: "2026-Q1") == ["match_rate": 0.7])
        let q1 = try #require(Self.metrics.period("2026-Q1")), q2 = try #require(Self.metrics.period("2026-Q2"))
        #expect(MetricTile(key: "match_rate", period: q1, metrics: Self.metrics).target?.text == "Target 70%: met")
        #expect(MetricTile(key: "match_rate", period: q2, metrics: Self.metrics).target?.text == "Target 150%: not met")
    }

    @Test func theScorecardNamesTheTargetThatApplied() throws {
        let builder = ReportBuilder(metrics: Self.metrics)
        let table = { (id: String) throws -> ReportTable in try #require(builder.report(for: id)?.sections.first?.tables.first) }
        let own = try table("2026-Q2"), shared = try table("2026-Q1")
        let targetColumn = try #require(own.columns.firstIndex(of: "Target"))
        #expect(own.rows[0][targetColumn].text == "150% (set for Q2 2026)")
        #expect(own.rows[0][targetColumn + 1].text == "Not met")
        #expect(shared.rows[0][try #require(shared.columns.firstIndex(of: "Target"))].text == "70%")
    }
}
