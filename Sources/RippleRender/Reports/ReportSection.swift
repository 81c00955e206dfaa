/// One section of a quarterly report (participation, matching, engagement …).
package struct ReportSection: Sendable, Hashable {
    /// HTML id and CSV stem (`engagement`).
    package var id: String
    /// Heading.
    package var title: String
    /// One sentence saying what the section covers.
    package var lead: String
    /// The section's figures, shown as tiles and listed in the figures table.
    package var figures: [ReportFigure]
    /// Charts, each with the table of its data (downloadable as CSV).
    package var charts: [ReportChart]
    /// Tables: the figures table first, then any breakdowns.
    package var tables: [ReportTable]

    /// Creates a section.
    package init(id: String, title: String, lead: String, figures: [ReportFigure], charts: [ReportChart], tables: [ReportTable]) {
        self.id = id; self.title = title; self.lead = lead; self.figures = figures; self.charts = charts; self.tables = tables
    }
}

/// A chart of a report and the data behind it.
package struct ReportChart: Sendable, Hashable {
    /// The finished `<figure>` HTML from RippleCharts.
    package var html: String
    /// The chart's data, written as `reports/<quarter>/<data.id>.csv`.
    package var data: ReportTable

    /// Creates a chart.
    package init(html: String, data: ReportTable) { self.html = html; self.data = data }
}
