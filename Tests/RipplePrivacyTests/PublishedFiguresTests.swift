import RippleMetrics
import Testing
@testable import RipplePrivacy

/// The build audits the metric set it publishes; `ripple check --privacy` reads metrics.json.
/// Both readings must give the same cells.
@Suite struct PublishedFiguresTests {
    @Test func theMetricSetAndItsJSONGiveTheSameFigures() throws {
        let (_, outcome) = Programs.protect(try Programs.sample())
        let direct = PublishedFigures(outcome.metrics)
        let read = try PublishedFigures(json: MetricsJSON.encode(outcome.metrics))
        #expect(direct.cells == read.cells)
        #expect(direct.cells.count > 1000)
        #expect(direct.periods.map(\.departments) == read.periods.map(\.departments))
        #expect(direct.periods.map(\.levels) == read.periods.map(\.levels))
        #expect(direct.reachQuarters == read.reachQuarters)
    }
}
