import RippleCore

/// Fiscal quarters for a fiscal year starting in a given month.
///
/// A fiscal year is named by the calendar year in which it ends: with a start month of 4,
/// April 2026 – March 2027 is FY2027, so April–June 2026 is `2027-Q1`. With the default start
/// month 1 the fiscal year is the calendar year.
package struct FiscalCalendar: Sendable, Hashable {
    /// First month (1–12) of the fiscal year; anything else falls back to January.
    package var startMonth: Int

    /// How `quarterLabel` names quarters.
    package var labels: QuarterLabelStyle

    /// Creates a calendar; an invalid start month means January.
    package init(startMonth: Int, labels: QuarterLabelStyle = .long) {
        self.startMonth = (1...12).contains(startMonth) ? startMonth : 1
        self.labels = labels
    }

    /// A linear index of the fiscal quarter holding `day` (consecutive quarters differ by one).
    package func quarterIndex(of day: Day) -> Int {
        let (year, month, _) = day.components
        let offset = (month - startMonth + 12) % 12
        let startYear = month >= startMonth ? year : year - 1
        return startYear * 4 + offset / 3
    }

    /// First day of a quarter.
    package func start(ofQuarter index: Int) -> Day {
        let startYear = index / 4, quarter = index % 4
        let yearStart = Day(year: max(1, startYear), month: startMonth, day: 1) ?? Day(ordinal: 0)
        return yearStart.firstOfMonth(offsetBy: quarter * 3)
    }

    /// Last day of a quarter.
    package func end(ofQuarter index: Int) -> Day { start(ofQuarter: index + 1).adding(days: -1) }

    /// The fiscal year a quarter belongs to, named by the calendar year in which it ends.
    package func fiscalYear(ofQuarter index: Int) -> Int { startMonth == 1 ? index / 4 : index / 4 + 1 }

    /// The quarter id, `YYYY-Qn`.
    package func quarterID(_ index: Int) -> String { "\(fiscalYear(ofQuarter: index))-Q\(index % 4 + 1)" }

    /// The reader-facing label every surface uses: `Q3 2026`, or `Q1 FY2027` when the fiscal year is not the
    /// calendar year; in the short form `Q3 '26` and `Q1 FY27`.
    package func quarterLabel(_ index: Int) -> String {
        let quarter = "Q\(index % 4 + 1)", year = fiscalYear(ofQuarter: index)
        switch (labels, startMonth == 1) {
        case (.long, true): return "\(quarter) \(year)"
        case (.long, false): return "\(quarter) FY\(year)"
        case (.short, true): return "\(quarter) \u{2019}\(Self.twoDigits(year))"
        case (.short, false): return "\(quarter) FY\(Self.twoDigits(year))"
        }
    }

    private static func twoDigits(_ year: Int) -> String {
        let last = ((year % 100) + 100) % 100
        return last < 10 ? "0\(last)" : "\(last)"
    }
}
