import RippleCore

/// The dates and scope of one period, before anything is counted.
struct PeriodSpec {
    var id: String
    var kind: PeriodMetrics.Kind
    var label: String
    var start: Day
    var end: Day
    var toDate: Bool
    /// Index into `Program.cohorts` for cohort periods.
    var cohort: Int?
    /// Position among the quarters for quarter periods.
    var quarterOffset: Int?
}
