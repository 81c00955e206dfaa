import RippleCore
import RippleMetrics

/// The pipeline's privacy stage: disclosure control, then the audit of what it passed.
package enum PrivacyStage {
    /// The figures to publish, the audit's diagnostics (none with `privacy.audit: off`), and the
    /// summary the build prints.
    package static func run(_ metrics: MetricSet, audit mode: PrivacyAuditMode, timings: inout StageTimings)
        -> (metrics: MetricSet, diagnostics: [Diagnostic], summary: PrivacySummary) {
        let outcome = timings.measure("privacy") { DisclosureControl().protect(metrics) }
        let problems = mode == .off ? [] : timings.measure("audit") { PrivacyAudit().diagnostics(for: outcome.metrics, mode: mode) }
        let summary = PrivacySummary(primary: outcome.primary, complementary: outcome.complementary,
                                     minGroupSize: metrics.minGroupSize,
                                     audit: mode == .off ? .off : problems.isEmpty ? .clean : .findings(problems.count))
        return (outcome.metrics, problems, summary)
    }
}
