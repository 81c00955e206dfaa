import RippleCore
import RippleMetrics

/// `ripple check --privacy`: an attacker built in. From the published figures alone, works out
/// every hidden figure it can pin to one value, or to fewer than `min_group_size` possible values,
/// and says which published facts reveal it.
package struct PrivacyAudit: Sendable {
    /// Creates an audit.
    package init() {}

    /// Every hidden figure of a metrics.json text that can be worked out, in file order.
    package func findings(in figures: PublishedFigures) -> [DisclosureFinding] {
        let tables = LinkedTables(figures)
        return findings(tables, hidden: figures.cells.map(\.hidden)).findings
    }

    /// The findings, and the relations their `reasons` index.
    func findings(_ tables: LinkedTables, hidden: [Bool]) -> (findings: [DisclosureFinding], relations: [Relation]) {
        var solver = IntervalSolver(tables: tables, hidden: hidden)
        solver.solve()
        let k = Double(tables.figures.minGroupSize)
        let rates = Set(tables.ratios.map(\.rate))
        var found: [DisclosureFinding] = []
        func finding(_ cell: Int, _ low: Double, _ high: Double, _ reasons: [Int], extra: [String] = []) -> DisclosureFinding {
            let reasons = Array(Set(reasons.filter { $0 >= 0 })).sorted()
            // A rate's two bounds read the same equation: name it once.
            var equations: [String] = []
            for text in extra + reasons.map({ solver.relations[$0].text }) where !equations.contains(text) { equations.append(text) }
            return DisclosureFinding(figure: tables.name(cell), lower: low, upper: high,
                                     equations: equations, cell: cell, reasons: reasons)
        }
        for cell in tables.figures.cells.indices where hidden[cell] && !rates.contains(cell) {
            let low = solver.lower[cell], high = solver.upper[cell]
            // Fewer than k possible whole values: the analyst knows more than "fewer than k".
            if high - low < k - 1 {
                found.append(finding(cell, low, high, [solver.lowerReason[cell], solver.upperReason[cell]]))
            }
        }
        for ratio in tables.ratios where hidden[ratio.rate] {
            guard let value = revealed(ratio, solver) else { continue }
            let reasons = (ratio.numerator + ratio.denominator).flatMap { [solver.lowerReason[$0], solver.upperReason[$0]] }
            found.append(finding(ratio.rate, value, value, reasons, extra: [ratio.text]))
        }
        return (found.sorted { $0.cell < $1.cell }, solver.relations)
    }

    /// The exact value of a hidden rate when what it divides is known: both sums exact, a numerator
    /// of 0, or nothing in the denominator besides the numerator.
    private func revealed(_ ratio: Ratio, _ solver: IntervalSolver) -> Double? {
        func sum(_ vs: [Int]) -> (Double, Double) {
            vs.reduce((0, 0)) { ($0.0 + solver.lower[$1], $0.1 + solver.upper[$1]) }
        }
        let (nLow, nHigh) = sum(ratio.numerator)
        if nHigh == 0 { return 0 }
        let rest = ratio.denominator.filter { !ratio.numerator.contains($0) }
        guard Set(ratio.numerator).isSubset(of: ratio.denominator) else {
            let (dLow, dHigh) = sum(ratio.denominator)
            let total = dLow + ratio.constant
            return nLow == nHigh && dLow == dHigh && total > 0 ? nLow / total : nil
        }
        let (rLow, rHigh) = sum(rest)
        if rHigh == 0 && nLow >= 1 { return 1 }
        return nLow == nHigh && rLow == rHigh ? nLow / (nLow + rLow) : nil
    }

    /// The findings as build diagnostics (`privacy.audit`: error by default, or warning).
    package func diagnostics(_ findings: [DisclosureFinding], severity: Diagnostic.Severity,
                             file: String) -> [Diagnostic] {
        findings.map { finding in
            Diagnostic(severity, "the hidden figure \(finding.summary) from the published ones",
                       at: SourceLocation(file: file),
                       hint: "revealed by: " + finding.equations.prefix(3).joined(separator: "; ")
                           + "; report this to the Ripple maintainers, and do not publish this build")
        }
    }
}

extension PrivacyAudit {
    /// Where the audit's findings are located: the published file it reads.
    package static let metricsFile = "data/metrics.json"

    /// The audit of a build's figures, exactly as metrics.json publishes them (PublishedFiguresTests
    /// checks the two readings agree), as diagnostics:
    /// errors (`privacy.audit: error`) or warnings (`warn`).
    package func diagnostics(for metrics: MetricSet, mode: PrivacyAuditMode) -> [Diagnostic] {
        guard mode != .off else { return [] }
        let figures = PublishedFigures(metrics)
        return diagnostics(findings(in: figures), severity: mode == .warn ? .warning : .error, file: Self.metricsFile)
    }
}
