/// A chart drawn as a `<figure>` (bars, lines, stacked bars, a heat map): its HTML, and the text a reader sees
/// of it (the "Show the data" table and the caption; the SVG is a picture), for the search index.
package protocol FigureChart: Sendable {
    /// The `<figure>` HTML.
    func html() -> String
    /// The figure's visible text, in the order of the HTML.
    func text() -> String
}

extension ChartFrame {
    /// The visible text of a figure with this data table (see `figure`): the table's summary, header and cells,
    /// then the caption.
    func figureText(header: [String], rows: [[String]]) -> String {
        var parts = ["Show the data"] + header.filter { !$0.isEmpty }
        for row in rows { parts += row }
        parts.append(caption ?? title)
        return parts.joined(separator: " ")
    }
}
