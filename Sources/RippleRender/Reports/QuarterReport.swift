import RippleCore
import RippleMetrics

/// Everything one quarter's report shows, before templates: figures, comparisons, charts and tables.
package struct QuarterReport: Sendable, Hashable {
    /// Quarter id (`2026-Q3`).
    package var id: String
    /// Reader-facing label (`Q3 2026`).
    package var label: String
    /// First day.
    package var start: Day
    /// Last day counted (as_of for the quarter still running).
    package var end: Day
    /// Whether the quarter holds as_of and is still running.
    package var toDate: Bool
    /// Label of the previous quarter, when there is one.
    package var previousLabel: String?
    /// Label of the same quarter a year earlier, when the program ran then.
    package var yearAgoLabel: String?
    /// Whether privacy hid the whole quarter (fewer than N active participants).
    package var isHidden: Bool
    /// The headline figures of the reports index and the report's opening.
    package var headline: [ReportFigure]
    /// Every figure that has a target, in catalogue order.
    package var kpis: [ReportFigure]
    /// The sections, in reading order; the first is the summary.
    package var sections: [ReportSection]
    /// The figures that changed most since the previous quarter (see `ReportBuilder.largestChanges`), for the summary.
    package var largestChanges: [ReportFigure] = []

    /// Creates a report.
    package init(id: String, label: String, start: Day, end: Day, toDate: Bool, previousLabel: String?,
                 yearAgoLabel: String?, isHidden: Bool, headline: [ReportFigure], kpis: [ReportFigure],
                 sections: [ReportSection]) {
        self.id = id; self.label = label; self.start = start; self.end = end; self.toDate = toDate
        self.previousLabel = previousLabel; self.yearAgoLabel = yearAgoLabel; self.isHidden = isHidden
        self.headline = headline; self.kpis = kpis; self.sections = sections
    }

    /// Every table of the report, charts' data included, in page order (each becomes `reports/<id>/<table id>.csv`).
    package var tables: [ReportTable] { sections.flatMap { $0.tables + $0.charts.map(\.data) } }

    /// `1 July – 30 September 2026`, or `1 July – 20 August 2026 (to date)`.
    package var dates: String {
        let text = "\(Self.long(start)) – \(Self.long(end))"
        return toDate ? text + " (to date)" : text
    }

    /// The part of a running quarter the figures cover: `1 October to 20 November 2026, its first 51 of 92 days`.
    package var toDateSpan: String {
        let (year, month, _) = start.components
        let quarterEnd = start.firstOfMonth(offsetBy: 3).adding(days: -1)
        let (endYear, endMonth, endDate) = end.components
        let from = endYear == year ? "\(start.components.day) \(Self.months[month - 1])" : Self.long(start)
        return "\(from) to \(endDate) \(Self.months[endMonth - 1]) \(endYear), its first \(start.days(to: end) + 1) of "
            + "\(start.days(to: quarterEnd) + 1) days"
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// `30 September 2026`.
    static func long(_ day: Day) -> String {
        let (year, month, date) = day.components
        return "\(date) \(months[month - 1]) \(year)"
    }
}
