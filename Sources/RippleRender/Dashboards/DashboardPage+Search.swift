extension DashboardPage {
    /// The page as the search index reads it, from the view model: the summary and period, then one section per
    /// dashboard section (linked by its anchor) with its introduction, notice, tiles, charts and table, as the
    /// reader sees them: only published figures, hidden ones as "Hidden" or "fewer than N". Built from a page whose
    /// `charts` hold each chart's text (`DashboardBuilder.chartOutput`); the template's own words (the eyebrow, the
    /// privacy footer on every dashboard) are not indexed.
    var searchDocument: SearchDocument {
        var result = [SearchSection(id: "", heading: "", parts: [summary, periodNote])]
        for section in sections {
            var parts = [section.intro, section.notice?.text ?? ""] + section.tiles.map(\.plainText) + section.charts
            if let table = section.table { parts.append(table.plainText) }
            result.append(SearchSection(id: section.id, heading: section.title, parts: parts))
        }
        return SearchDocument(title: title, url: path, sections: result)
    }
}

extension DashboardTable {
    /// The table's visible text: caption, headers, then each row; a cell with nothing to measure reads "—",
    /// spoken "nothing to measure".
    var plainText: String {
        var parts = [caption] + headers
        for row in rows {
            for cell in row { parts += cell.unmeasured ? [cell.text, "nothing to measure"] : [cell.text] }
        }
        return SearchSection.text(parts)
    }
}
