import RippleCore

/// Computes every metric for every period from a validated program. Pure: no I/O, no clock.
package struct MetricsEngine: Sendable {
    /// The site settings (`program.asOf`, fiscal year, `metrics.atRiskDays`, `privacy.minGroupSize`, `targets`).
    package var settings: SiteConfig

    /// Creates an engine.
    package init(settings: SiteConfig) { self.settings = settings }

    /// All periods' figures, with primary privacy suppression applied (RipplePrivacy's
    /// `DisclosureControl` adds complementary suppression before anything is published).
    package func compute(_ program: Program) -> MetricSet {
        let computation = MetricsComputation(program: program, settings: settings)
        let tallies = computation.tally()
        var scratch = PeriodScratch(people: program.participants.count, pairs: program.pairs.count)
        let filter = PrivacyFilter(minGroupSize: settings.privacy.minGroupSize)
        var raws = computation.specs.indices.map { computation.measure($0, tallies: tallies, scratch: &scratch) }
        var periods = raws.map(filter.apply)
        // Quarters add up to all time: the disclosure-control stage protects them figure by figure.
        protectSiblings(of: .cohort, in: &periods, raws: &raws)
        let reach = computation.reach().map { point in
            var point = point
            if let n = point.participantsReached, filter.tooSmall(n) { point.participantsReached = nil }
            return point
        }
        let quarters = periods.filter { $0.kind == .quarter }
        let wholeQuarters = Dictionary(raws.filter { $0.metrics.kind == .quarter }.map { ($0.metrics.id, $0) }, uniquingKeysWith: { a, _ in a })
        periods += quarterToDateWindows(program, quarters: quarters, whole: wholeQuarters)
        var set = MetricSet(asOf: computation.asOf, minGroupSize: settings.privacy.minGroupSize,
                            fiscalYearStartMonth: computation.calendar.startMonth, periods: periods, reach: reach,
                            targets: settings.targets)
        set.targetsByQuarter = settings.targetsByQuarter
        set.headcount = computation.headcount
        return set
    }

    /// Cohorts nearly add up to the whole program: when exactly one of them is
    /// hidden, also hide the smallest other one so the hidden figures can't be found by subtraction.
    private func protectSiblings(of kind: PeriodMetrics.Kind, in periods: inout [PeriodMetrics], raws: inout [RawPeriod]) {
        let siblings = periods.indices.filter { periods[$0].kind == kind }
        let wholly = siblings.filter { periods[$0].participantsActive == nil && periods[$0].sessionsCompleted == nil }
        guard wholly.count == 1 else { return }
        let others = siblings.filter { $0 != wholly[0] }
        guard let pick = others.min(by: { (raws[$0].population, periods[$0].id) < (raws[$1].population, periods[$1].id) })
        else { return }
        periods[pick] = PrivacyFilter.suppressEverything(periods[pick])
    }
}
