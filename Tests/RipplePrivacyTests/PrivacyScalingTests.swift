import RippleMetrics
@testable import RipplePrivacy
import RippleTestSupport
import Testing

/// Disclosure control and the audit grow no faster than n log n in the published figures (n = cells of
/// metrics.json): a 600-person program spread over 1 to 300 departments, whose department matrix alone
/// publishes 90,000 cells a period at 300. Before published figures were folded into the relations as
/// constants, 300 departments took 184 s (control) + 81 s (audit) in a release build.
@Suite(.serialized) struct PrivacyScalingTests {
    // Still fails: folding cut the solver's work, but building PublishedFigures (a cell, a name and an index
    // entry per matrix cell: ~1M at 300 departments) dominates; hostile case 04 times out for the same reason.
    @Test(.disabled("open in #23: PublishedFigures is quadratic in departments (one cell per matrix cell)"))
    func disclosureControlAndAuditAreNearLinearInPublishedFigures() throws {
        let check = GrowthCheck()
        let (failure, times) = check.firstFailure(sizes: [3, 30, 100, 300], prepare: Self.metrics,
                                                  measure: { PublishedFigures($0).cells.count }) { metrics in
            let outcome = DisclosureControl().protect(metrics)
            _ = PrivacyAudit().findings(in: PublishedFigures(outcome.metrics))
        }
        #expect(failure == nil, "\(failure!) (times: \(times.sorted { $0.key < $1.key }))")
    }

    /// The figures before disclosure control (primary suppression only).
    static func metrics(departments: Int) -> MetricSet {
        let program = try! Programs.generated(600, departments: departments)
        return MetricsEngine(settings: Programs.settings()).compute(program)
    }
}
