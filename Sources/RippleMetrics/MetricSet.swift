import RippleCore

/// Everything the dashboards and reports need, privacy suppression applied.
package struct MetricSet: Sendable, Hashable {
    /// The reporting date: `program.asOf`, else the latest activity in the data.
    package var asOf: Day
    /// `privacy.minGroupSize`: figures about fewer people are hidden ("fewer than N").
    package var minGroupSize: Int
    /// First month of the fiscal year used for quarter ids.
    package var fiscalYearStartMonth: Int
    /// Every period: `all`, then quarters ascending, then cohorts by start date and id.
    package var periods: [PeriodMetrics]
    /// Distinct participants ever paired by the end of each quarter, quarters ascending.
    package var reach: [ReachPoint]
    /// Eligible employees per department, departments sorted (`program.headcount`): published, since every
    /// enrolment share is read against it.
    package var headcount: [Keyed<Int>] = []
    /// KPI targets by metric key, from `targets:` in ripple.yaml.
    package var targets: [String: Double]
    /// Targets that override `targets` in one quarter, by quarter id, from `targets_by_quarter:` in ripple.yaml.
    package var targetsByQuarter: [String: [String: Double]] = [:]

    /// Creates a metric set.
    package init(asOf: Day, minGroupSize: Int, fiscalYearStartMonth: Int, periods: [PeriodMetrics],
                 reach: [ReachPoint], targets: [String: Double]) {
        self.asOf = asOf; self.minGroupSize = minGroupSize; self.fiscalYearStartMonth = fiscalYearStartMonth
        self.periods = periods; self.reach = reach; self.targets = targets
    }

    /// The period with this id (`all`, `2026-Q3`, `cohort:spring-2026`), if any.
    package func period(_ id: String) -> PeriodMetrics? { periods.first { $0.id == id } }

    /// The whole-program period.
    package var all: PeriodMetrics? { period("all") }

    /// Quarter periods, ascending.
    package var quarters: [PeriodMetrics] { periods.filter { $0.kind == .quarter } }

    /// Cohort periods by start date and id; each carries the cohort's name and program type.
    package var cohorts: [PeriodMetrics] { periods.filter { $0.kind == .cohort } }

    /// The quarter holding `as_of` (the last one), if any.
    package var currentQuarter: PeriodMetrics? { quarters.last }

    /// What `period`'s figures are compared with: for the running quarter, the same number of days of the previous
    /// quarter and of the same quarter a year earlier (see `MetricsEngine.quarterToDateWindows`); for a complete
    /// quarter, those two quarters whole. Either is nil when the program did not run then.
    package func comparisons(for period: PeriodMetrics) -> (previous: PeriodMetrics?, yearAgo: PeriodMetrics?) {
        let list = quarters
        guard let index = list.firstIndex(where: { $0.id == period.id }) else { return (nil, nil) }
        let previous = index > 0 ? list[index - 1] : nil
        let yearAgo = index > 3 ? list[index - 4] : nil
        guard period.toDate else { return (previous, yearAgo) }
        let window = { (quarter: PeriodMetrics?) in quarter.flatMap { self.period(MetricsEngine.quarterToDateID($0.id)) } }
        return (window(previous), window(yearAgo))
    }

    /// The targets that apply in `period` (a quarter id): `targets`, with that quarter's own from `targets_by_quarter`.
    package func targets(for period: String) -> [String: Double] {
        guard let own = targetsByQuarter[period] else { return targets }
        return targets.merging(own) { _, quarter in quarter }
    }

    /// A figure by period id and metric key (see `PeriodMetrics.value(for:)`); `nil` when either is unknown.
    package func value(_ key: String, period id: String = "all") -> MetricValue? { period(id)?.value(for: key) }
}
