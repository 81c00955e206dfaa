/// `followup:` settings for `ripple followup` (at-risk pairs use `metrics.at_risk_days`, as metrics.json does).
package struct FollowUpSettings: Hashable, Sendable {
    /// A mentee waiting for a match longer than this many days is listed.
    package var waitingDays: Int = 30
    /// Defaults.
    package init() {}
}
