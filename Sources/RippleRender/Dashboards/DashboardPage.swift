import RippleTemplate

/// One dashboard page as the `layouts/dashboard` template reads it: a heading, then sections of
/// KPI tiles, charts and tables. Chart and tile HTML is pre-rendered (and escaped) in Swift.
struct DashboardPage: Sendable {
    /// Output path (`dashboards/network/index.html`).
    var path: String
    /// Which dashboard this is, for the sub-navigation (`overview`, `cohorts`, …).
    var section: String
    var title: String
    var summary: String
    /// A line under the title saying which period the figures cover.
    var periodNote: String
    var sections: [DashboardSection]

    /// The `dashboard` template value.
    func templateValue(subnav: [(id: String, title: String, path: String)], asOf: String, minGroupSize: Int,
                       metricsJSON: String) -> TemplateValue {
        .object([
            "title": .string(title), "summary": .string(summary), "period_note": .string(periodNote),
            "as_of": .string(asOf), "min_group_size": .int(minGroupSize), "metrics_json_url": .string(metricsJSON),
            "subnav": .list(subnav.map { item in
                .object(["title": .string(item.title), "url": .string(item.path), "current": .bool(item.id == section)])
            }),
            "sections": .list(sections.map(\.templateValue)),
        ])
    }
}

/// A titled block of a dashboard.
struct DashboardSection: Sendable {
    /// Anchor id.
    var id: String
    var title: String
    /// A sentence introducing the figures, or empty.
    var intro: String = ""
    var tiles: [MetricTile] = []
    /// Finished `<figure>` HTML of each chart.
    var charts: [String] = []
    var table: DashboardTable?
    /// Shown instead of the tiles when there is nothing to show in them.
    var notice: DashboardNotice?

    var templateValue: TemplateValue {
        .object([
            "id": .string(id), "title": .string(title), "intro": .string(intro), "has_intro": .bool(!intro.isEmpty),
            "notice": notice.map { .object(["text": .string($0.text), "kind": .string($0.kind.rawValue)]) } ?? .null,
            "has_charts": .bool(!charts.isEmpty),
            "tiles_html": .string(tiles.isEmpty ? "" : MetricTile.grid(tiles)),
            "charts": .list(charts.map { .object(["html": .string($0)]) }),
            "table": table?.templateValue ?? .null,
        ])
    }
}

/// One sentence standing in for a section's figures: all hidden for privacy, or nothing to measure.
struct DashboardNotice: Sendable {
    enum Kind: String, Sendable { case hidden, empty }
    var kind: Kind
    var text: String
}

/// A plain data table of a dashboard (the cohorts list, per-cohort role swaps).
struct DashboardTable: Sendable {
    /// One cell: text, an optional link, right-aligned when numeric, hatched when suppressed.
    struct Cell: Sendable {
        var text: String
        var url: String? = nil
        var numeric = false
        var suppressed = false
        /// Nothing to measure: "—", read out as "nothing to measure".
        var unmeasured = false
    }

    var caption: String
    var headers: [String]
    /// Rows; the first cell of each row is its header.
    var rows: [[Cell]]

    var templateValue: TemplateValue {
        .object([
            "caption": .string(caption),
            "headers": .list(headers.enumerated().map { i, text in
                .object(["text": .string(text), "num": .bool(i > 0 && rows.first.map { i < $0.count && $0[i].numeric } == true)])
            }),
            "rows": .list(rows.map { row in
                .object([
                    "head": cell(row[0]),
                    "cells": .list(row.dropFirst().map(cell)),
                ])
            }),
        ])
    }

    private func cell(_ cell: Cell) -> TemplateValue {
        .object(["text": .string(cell.text), "url": cell.url.map { .string($0) } ?? .null, "num": .bool(cell.numeric),
                 "suppressed": .bool(cell.suppressed), "unmeasured": .bool(cell.unmeasured)])
    }
}
