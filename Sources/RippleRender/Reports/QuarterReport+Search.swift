extension QuarterReport {
    /// The report page as the search index reads it, from the view model of a report built with each chart's text
    /// in place of its HTML (`ReportBuilder.chartOutput`): the dates, summary and headline tiles, then one section
    /// per report section (linked by its anchor) with its lead, figures, largest changes, charts and tables — only
    /// published figures, hidden ones as "Hidden" / "fewer than N" — and the narrative's own sections, from its
    /// Markdown walk, after the summary. The template's words (cover, contents, download links, the closing "About
    /// these figures") are not indexed.
    func searchDocument(title: String, url: String, summary: String, narrative: AnalysedDocument?) -> AnalysedDocument {
        var sections = [SearchSection(id: "", heading: "", parts: [dates, summary] + headline.map(\.tile.plainText))]
        var narrativeIndex: Int?
        for (index, section) in self.sections.enumerated() {
            var parts = [section.lead] + section.figures.map(\.plainText)
            if section.id == "summary", !largestChanges.isEmpty {
                parts.append("Largest changes")
                for figure in largestChanges {
                    parts += [figure.label, figure.tile.unit.isEmpty ? figure.tile.number : "\(figure.tile.number) \(figure.tile.unit)",
                              figure.tile.change?.text ?? ""]
                }
            }
            parts += section.charts.map(\.html)  // the chart's text: see `chartOutput`
            parts += section.tables.map(\.plainText)
            sections.append(SearchSection(id: section.id, heading: section.title, parts: parts))
            if index == 0, narrative != nil {
                narrativeIndex = sections.count
                sections.append(SearchSection(id: "narrative", heading: "From the program team", text: ""))
            }
        }
        let document = SearchIndex.analyse(SearchDocument(title: title, url: url, sections: sections))
        guard let narrative, let narrativeIndex else { return document }
        return document.splicing(narrative, at: narrativeIndex)
    }
}

extension ReportFigure {
    /// What a reader sees of the figure: the tile's text with the change against the year before.
    var plainText: String {
        var parts = [tile.label, tile.number + tile.unit]
        if let change = tile.change { parts.append(change.text) }
        if let yearAgoChange { parts.append(yearAgoChange.text) }
        if !tile.note.isEmpty { parts.append(tile.note) }
        if let target = tile.target { parts.append("\(target.icon) \(target.text)") }
        return parts.joined(separator: " ")
    }
}

extension ReportTable {
    /// The table's visible text: caption, column headings, then each row's cells.
    var plainText: String {
        SearchSection.text([title] + columns + rows.flatMap { $0.map(\.text) })
    }
}
