import RippleMetrics
@testable import RipplePrivacy
import RippleTestSupport
import Testing

/// Disclosure control and the audit grow no faster than n log n in the figures they model (n = cells of
/// `PublishedFigures`): a 600-person program spread over 3 to 300 departments, whose department matrix
/// publishes 90,000 cells a period at 300, nearly all 0 (not modelled: an absent cell is a published 0).
/// Before published figures were folded into the relations as constants, 300 departments took 184 s
/// (control) + 81 s (audit) in a release build; before zeros and opaque matrices left the model, the
/// control alone built ~1M cells.
@Suite(.serialized) struct PrivacyScalingTests {
    @Test
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
