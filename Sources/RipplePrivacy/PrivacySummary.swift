/// What the privacy stages did in one build, for its summary line.
package struct PrivacySummary: Sendable, Hashable {
    /// The audit's result.
    package enum Audit: Sendable, Hashable {
        /// `privacy.audit: off`.
        case off
        /// It found nothing to work out.
        case clean
        /// It found this many hidden figures that can be worked out (reported as diagnostics).
        case findings(Int)
    }

    /// Figures hidden because they describe fewer than `privacy.min_group_size` people.
    package var primary: Int
    /// Figures hidden on top so that the others cannot be worked out.
    package var complementary: Int
    /// `privacy.min_group_size`.
    package var minGroupSize: Int
    package var audit: Audit

    /// Creates a summary.
    package init(primary: Int, complementary: Int, minGroupSize: Int, audit: Audit) {
        self.primary = primary; self.complementary = complementary; self.minGroupSize = minGroupSize; self.audit = audit
    }
}
