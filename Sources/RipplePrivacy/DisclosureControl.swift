import RippleCore
import RippleMetrics

/// The disclosure-control stage: after the metrics (with primary suppression: figures about
/// fewer than N people or pairs), hides the fewest extra figures so that no hidden figure can be
/// worked out from everything published together: every period, breakdown, matrix, rate and
/// reach point. Renderers only ever see its output.
///
/// Method: the audit's own attacker (`LinkedTables` + `IntervalSolver`) finds what is
/// derivable; for each finding one more figure of a revealing equation is hidden — the published
/// rate the equation reads if there is one, else the smallest figure big enough to widen the
/// range to N values (else the biggest) — and the audit runs again until it finds nothing.
/// Rates whose published numerator or denominator is hidden are hidden too. A count hidden on top
/// that the published figures pin to one value protects nothing (an analyst knows it anyway): when
/// no hiding can unpin it (a column of published zeros pins its total to 0, and zeros are not
/// figures to hide) or when no finding can be mended otherwise, it is published again and never
/// picked later. Deterministic: cells
/// and findings are visited in file order. Each round is one solve; rounds ≤ hidden figures added.
package struct DisclosureControl: Sendable {
    /// Creates the stage.
    package init() {}

    /// What the stage did.
    package struct Outcome: Sendable {
        /// The figures to publish.
        package var metrics: MetricSet
        /// Figures hidden by the metrics' own rules (primary suppression).
        package var primary: Int
        /// Figures the stage hid on top (complementary suppression).
        package var complementary: Int
        /// What the audit still finds (empty unless the stage could not protect something).
        package var remaining: [DisclosureFinding]
    }

    /// Protects a metric set (primary suppression already applied).
    package func protect(_ set: MetricSet) -> Outcome {
        let figures = PublishedFigures(set)
        let (hidden, remaining) = protect(figures)
        var metrics = set
        var byPeriod: [String: Set<String>] = [:]
        var reach: Set<String> = []
        for (i, cell) in figures.cells.enumerated() where hidden[i] && !cell.hidden {
            if cell.key == "participants_reached" { reach.insert(cell.period) } else { byPeriod[cell.period, default: []].insert(cell.key) }
        }
        metrics.hide(byPeriod, reach: reach)
        // Counted from the metrics: figures of opaque matrices are hidden but not cells.
        let primary = set.periods.map(\.suppressed.count).reduce(0, +) + set.reach.filter { $0.participantsReached == nil }.count
        let complementary = hidden.filter { $0 }.count - figures.cells.filter(\.hidden).count
        return Outcome(metrics: metrics, primary: primary, complementary: complementary, remaining: remaining)
    }

    /// Which figures to hide (those already hidden included), and what the audit still finds.
    package func protect(_ figures: PublishedFigures) -> (hidden: [Bool], remaining: [DisclosureFinding]) {
        let tables = LinkedTables(figures)
        var hidden = figures.cells.map(\.hidden)
        let audit = PrivacyAudit()
        var findings: [DisclosureFinding] = []
        var settled = Set<Int>()
        let rates = Set(tables.ratios.map(\.rate))
        for _ in 0...figures.cells.count {
            hideRatesOfHiddenCounts(tables, &hidden)
            let result = audit.findings(tables, hidden: hidden)
            findings = result.findings
            guard !findings.isEmpty else { break }
            let fixed = findings.filter { finding in
                isComplementaryAndPinned(finding, figures, rates) && finding.reasons.contains { r in
                    let relation = result.relations[r]
                    return relation.variables == [finding.cell] && relation.published.isEmpty && relation.lower == relation.upper
                }
            }
            if !fixed.isEmpty {
                for finding in fixed { hidden[finding.cell] = false; settled.insert(finding.cell) }
                continue
            }
            var touched = Set<Int>()
            var added = 0
            for finding in findings where touched.isDisjoint(with: finding.reasons) {
                guard let pick = complement(for: finding, tables, result.relations, hidden, settled) else { continue }
                hidden[pick] = true
                touched.formUnion(finding.reasons)
                added += 1
            }
            if added == 0 {
                let pinned = findings.filter { isComplementaryAndPinned($0, figures, rates) }
                if pinned.isEmpty { break }
                for finding in pinned { hidden[finding.cell] = false; settled.insert(finding.cell) }
            }
        }
        return (hidden, findings)
    }

    /// A count this stage hid that the published figures pin to one value.
    private func isComplementaryAndPinned(_ finding: DisclosureFinding, _ figures: PublishedFigures, _ rates: Set<Int>) -> Bool {
        !figures.cells[finding.cell].hidden && !rates.contains(finding.cell) && finding.lower == finding.upper
    }

    /// A hidden numerator or denominator hides the rate.
    private func hideRatesOfHiddenCounts(_ tables: LinkedTables, _ hidden: inout [Bool]) {
        for ratio in tables.ratios where !hidden[ratio.rate] && tables.figures.cells[ratio.rate].value != nil {
            if ratio.ruleCells.contains(where: { hidden[$0] }) { hidden[ratio.rate] = true }
        }
    }

    /// The published figure to hide so that a finding's equations no longer pin it.
    private func complement(for finding: DisclosureFinding, _ tables: LinkedTables, _ solverRelations: [Relation],
                            _ hidden: [Bool], _ settled: Set<Int>) -> Int? {
        let reasons = finding.reasons.map { solverRelations[$0] }
        if let rate = reasons.compactMap(\.rate).first(where: { !hidden[$0] }) { return rate }
        let ratio = tables.ratios.first { $0.rate == finding.cell }
        var pool = reasons.flatMap { $0.published + $0.variables } + (ratio.map { $0.ruleCells + $0.numerator + $0.denominator } ?? [])
        if pool.allSatisfy({ $0 >= tables.figures.cells.count || hidden[$0] }) {
            pool += tables.relationsOf[finding.cell].flatMap { tables.relations[$0].variables }
        }
        let k = Double(tables.figures.minGroupSize)
        let need = max(1, k - 1 - (finding.upper - finding.lower))
        let candidates = Set(pool).filter { $0 < tables.figures.cells.count && !hidden[$0] && $0 != finding.cell && !settled.contains($0) }
            .compactMap { v in tables.figures.cells[v].value.map { (v, $0) } }
        // Enough protection first, then the smallest such; headline totals and all-time figures last.
        func cost(_ c: (Int, Double)) -> (Int, Int, Double, Int) {
            let cell = tables.figures.cells[c.0]
            let headline = cell.period == "all" || Self.headline.contains(cell.key) ? 1 : 0
            return c.1 >= need ? (0, headline, c.1, c.0) : (1, headline, -c.1, c.0)
        }
        return candidates.min { cost($0) < cost($1) }?.0
    }

    private static let headline: Set<String> = ["participants_active", "mentors_active", "mentees_active", "pairs_active",
                                                "sessions_completed", "participants_enrolled", "mentors_enrolled",
                                                "mentees_enrolled"]
}
