import RippleMetrics
import RipplePrivacy

extension Console {
    /// The build summary's privacy line: what was hidden, and what the audit found.
    static func privacyLine(_ summary: PrivacySummary) -> String {
        func count(_ n: Int) -> String { MetricUnit.count.format(Double(n)) }
        let hidden = "Privacy: \(count(summary.primary)) figures hidden (fewer than \(summary.minGroupSize) people) and "
            + "\(count(summary.complementary)) more so they cannot be worked out; "
        switch summary.audit {
        case .off: return hidden + "the audit is off (privacy.audit: off in ripple.yaml)."
        case .clean: return hidden + "the audit found nothing that can be worked out."
        case .findings(let found):
            return hidden + "the audit found \(count(found)) that can be worked out (warnings above)."
        }
    }
}
