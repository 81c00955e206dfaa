import RippleCore
import RippleTemplate

/// The template values of the reports (`report` on a quarter's page, `reports` on the index); see
/// `templates/layouts/report-body.mustache` for how each key is shown.
package struct ReportContext: Sendable {
    /// Where the CSV files are linked from: relative to the page, absolute on the intranet, or not at all.
    package enum Downloads: Sendable {
        /// `<table id>.csv` next to the page (the site's report pages).
        case relative
        /// `<base_url>reports/<quarter>/<table id>.csv` (the standalone file, when base_url is set).
        case absolute(String)
        /// No download links (a standalone file without base_url: the CSVs would not exist).
        case none
    }

    /// The site title and organisation, for the footer.
    package var siteTitle: String
    /// `privacy.min_group_size`.
    package var minGroupSize: Int

    /// Creates a context builder.
    package init(siteTitle: String, minGroupSize: Int) { self.siteTitle = siteTitle; self.minGroupSize = minGroupSize }

    /// The `report` value of one quarter.
    package func value(_ report: QuarterReport, narrative: RenderedPage?, downloads: Downloads, intranetURL: String?) -> TemplateValue {
        var values: [String: TemplateValue] = [
            "id": .string(report.id), "label": .string(report.label), "dates": .string(report.dates),
            "to_date": .bool(report.toDate), "to_date_span": .string(report.toDateSpan), "hidden": .bool(report.isHidden), "min_group_size": .int(minGroupSize),
            "title": .string(narrative?.title ?? "Quarterly report: \(report.label)"),
            "summary": .string(narrative?.summary ?? ""),
            "previous_label": .optional(report.previousLabel), "year_ago_label": .optional(report.yearAgoLabel),
            "headline": .list(report.headline.map(\.templateValue)),
            "kpis": .list(report.kpis.map(\.templateValue)), "has_kpis": .bool(!report.kpis.isEmpty),
            "summary_section": report.sections.first.map { section($0, downloads: downloads, quarter: report.id) } ?? .null,
            "sections": .list(report.sections.dropFirst().map { section($0, downloads: downloads, quarter: report.id) }),
            "changes": .list(report.largestChanges.map(\.templateValue)), "has_changes": .bool(!report.largestChanges.isEmpty),
            "narrative": .string(narrative?.markdown.html ?? ""), "has_narrative": .bool(narrative != nil),
            "intranet_url": .optional(intranetURL),
            "has_downloads": .bool({ if case .none = downloads { false } else { true } }()),
            "page_css": .string(Self.pageCSS(footer: "\(siteTitle) · \(report.label) report" + (report.toDate ? " (to date)" : ""))),
        ]
        values["section_links"] = .list(report.sections.enumerated().map { index, section in
            .object(["id": .string(section.id), "title": .string(section.title), "first": .bool(index == 0)])
        })
        return .object(values)
    }

    /// One entry of the reports index: a row of its table (quarter, status, the headline figures with the change in
    /// short, links) and, for the latest quarter, the tiles shown above it.
    package func indexEntry(_ report: QuarterReport, narrative: RenderedPage?, from path: String) -> TemplateValue {
        let folder = "reports/\(report.id)/"
        return .object([
            "id": .string(report.id), "label": .string(report.label), "dates": .string(report.dates),
            "to_date": .bool(report.toDate), "hidden": .bool(report.isHidden),
            "title": .optional(narrative?.title), "summary": .string(narrative?.summary ?? ""),
            "url": .string(OutputPath.relativeHref(from: path, to: ReportRenderer.path(of: report.id))),
            "csv_url": .string(OutputPath.relativeHref(from: path, to: folder + "summary.csv")),
            "headline": .list(report.headline.map(\.templateValue)),
            "figures": .list(report.headline.map { figure in
                .object(["number": .string(figure.tile.number), "unit": .string(figure.tile.unit),
                         "change": figure.tile.change.map { change in
                             .object(["short": .string(change.short), "text": .string(change.text), "class": .string(change.cssClass)])
                         } ?? .null])
            }),
            "kpis": .list(report.kpis.map(\.templateValue)), "has_kpis": .bool(!report.kpis.isEmpty),
        ])
    }

    /// The headings of the index table's figure columns, from any report (every report has the same headline keys).
    package static func indexColumns(_ reports: [QuarterReport]) -> TemplateValue {
        .list((reports.first?.headline ?? []).map { .string($0.label) })
    }

    private func section(_ section: ReportSection, downloads: Downloads, quarter: String) -> TemplateValue {
        .object([
            "is_summary": .bool(section.id == "summary"),
            "id": .string(section.id), "title": .string(section.title), "lead": .string(section.lead),
            "figures": .list(section.figures.map(\.templateValue)),
            "charts": .list(section.charts.map { chart in
                .object(["html": .string(chart.html), "csv": csvLink(chart.data, downloads: downloads, quarter: quarter)])
            }),
            "tables": .list(section.tables.map { table($0, downloads: downloads, quarter: quarter) }),
        ])
    }

    private func table(_ table: ReportTable, downloads: Downloads, quarter: String) -> TemplateValue {
        .object([
            "id": .string(table.id), "title": .string(table.title),
            "columns": .list(table.columns.enumerated().map { .object(["text": .string($1), "first": .bool($0 == 0)]) }),
            "rows": .list(table.rows.map { row in
                .object(["cells": .list(row.enumerated().map { index, cell in
                    .object(["text": .string(cell.text), "header": .bool(index == 0), "class": .string(cell.style),
                             "suppressed": .bool(cell.isSuppressed)])
                })])
            }),
            "csv": csvLink(table, downloads: downloads, quarter: quarter),
        ])
    }

    private func csvLink(_ table: ReportTable, downloads: Downloads, quarter: String) -> TemplateValue {
        let file = "\(table.id).csv"
        switch downloads {
        case .relative: return .object(["url": .string(file), "name": .string(file)])
        case .absolute(let base): return .object(["url": .string("\(base)reports/\(quarter)/\(file)"), "name": .string(file)])
        case .none: return .null
        }
    }

    /// The `@page` rules with the running footer (the quarter and page numbers; none on the cover), as CSS text safe
    /// inside `<style>`.
    static func pageCSS(footer: String) -> String {
        var escaped = ""
        for scalar in footer.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "<", ">", "&": escaped += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20: escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "@page { @bottom-left { content: \"\(escaped)\"; } @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); } } "
            + "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }"
    }
}
