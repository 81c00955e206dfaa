/// A matrix of counts (mentor department × mentee department) with the number written in
/// every cell and shading in six steps (`heat-0` … `heat-5`).
package struct HeatMap: Sendable, Hashable {
    /// Title, description, caption and id.
    package var frame: ChartFrame
    /// Row labels, top to bottom.
    package var rows: [String]
    /// Column labels, left to right.
    package var columns: [String]
    /// `values[row][column]`; `nil` when suppressed.
    package var values: [[Double?]]
    /// Heading of the row labels in the data table (`Mentor's department`).
    package var rowHeading: String
    /// Axis title of the columns (`Mentee's department`).
    package var columnHeading: String

    /// Creates a heat map.
    package init(frame: ChartFrame, rows: [String], columns: [String], values: [[Double?]],
                 rowHeading: String = "", columnHeading: String = "") {
        self.frame = frame; self.rows = rows; self.columns = columns; self.values = values
        self.rowHeading = rowHeading; self.columnHeading = columnHeading
    }

    func value(_ r: Int, _ c: Int) -> Double? { r < values.count && c < values[r].count ? values[r][c] : nil }

    /// Shading step 0–5 of a value: 0 only for zero, then five equal steps up to the maximum.
    static func step(_ value: Double, max: Double) -> Int {
        guard value > 0, max > 0 else { return 0 }
        return Swift.min(5, Swift.max(1, Int((value / max * 5).rounded(.up))))
    }

    /// The `<figure>` HTML.
    package func html() -> String {
        let labelWidth = 150.0, cell = 56.0
        // Room above the cells for the slanted column labels (about 7 px a character at -35°), and for the
        // column heading above them so the two never overlap.
        let longest = Double(columns.map(\.count).max() ?? 0)
        let headerHeight = Swift.max(70, (longest * 7 * 0.58).rounded(.up) + (columnHeading.isEmpty ? 16 : 34))
        let width = labelWidth + Double(columns.count) * cell + 10
        let height = headerHeight + Double(rows.count) * cell + 10
        let maxValue = values.flatMap { $0.compactMap { $0 } }.max() ?? 0
        var svg = frame.openSVG(kind: "heatmap", width: width, height: height)
        if !columnHeading.isEmpty {
            svg += "<text class=\"axis-title\" x=\"\(SVG.num(labelWidth))\" y=\"14\">\(SVG.escape(columnHeading))</text>"
        }
        for (c, label) in columns.enumerated() {
            let x = labelWidth + Double(c) * cell + cell / 2
            svg += "<text class=\"column-label\" x=\"\(SVG.num(x))\" y=\"\(SVG.num(headerHeight - 8))\" "
                + "text-anchor=\"start\" transform=\"rotate(-35 \(SVG.num(x)) \(SVG.num(headerHeight - 8)))\">\(SVG.escape(label))</text>"
        }
        for (r, label) in rows.enumerated() {
            let y = headerHeight + Double(r) * cell
            svg += "<text class=\"row-label\" x=\"\(SVG.num(labelWidth - 8))\" y=\"\(SVG.num(y + cell / 2 + 4))\" "
                + "text-anchor=\"end\">\(SVG.escape(label))</text>"
            for c in columns.indices {
                let x = labelWidth + Double(c) * cell
                let geometry = "x=\"\(SVG.num(x + 1))\" y=\"\(SVG.num(y + 1))\" width=\"\(SVG.num(cell - 2))\" height=\"\(SVG.num(cell - 2))\""
                let name = "\(label) → \(columns[c])"
                if let v = value(r, c) {
                    let step = Self.step(v, max: maxValue)
                    svg += "<rect class=\"cell heat-\(step)\" fill=\"\(SVG.heatColours[step])\" \(geometry)><title>"
                        + SVG.escape("\(name): \(frame.text(v))") + "</title></rect>"
                    svg += "<text class=\"cell-value\" x=\"\(SVG.num(x + cell / 2))\" y=\"\(SVG.num(y + cell / 2 + 5))\" "
                        + "text-anchor=\"middle\">\(SVG.escape(frame.text(v)))</text>"
                } else {
                    svg += "<rect class=\"cell suppressed\" fill=\"url(#\(frame.safeID)-hatch)\" \(geometry)><title>"
                        + SVG.escape("\(name): \(frame.suppressedText)") + "</title></rect>"
                    svg += "<text class=\"cell-value suppressed-label\" x=\"\(SVG.num(x + cell / 2))\" "
                        + "y=\"\(SVG.num(y + cell / 2 + 3))\" text-anchor=\"middle\" font-size=\"8\">"
                        + SVG.escape(frame.suppressedText) + "</text>"
                }
            }
        }
        svg += "</svg>"
        let tableRows = rows.indices.map { r in [rows[r]] + columns.indices.map { frame.text(value(r, $0)) } }
        return frame.figure(kind: "heatmap", svg: svg, header: [rowHeading] + columns, rows: tableRows)
    }
}
