/// A matrix of counts (mentor department × mentee department) with the number written in
/// every cell and shading in six steps (`heat-0` … `heat-5`).
package struct HeatMap: FigureChart, Hashable {
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

    /// The `<figure>` HTML: the matrix at its natural size (it scrolls sideways inside its card rather than
    /// shrinking its text), the data table and the caption.
    package func html() -> String {
        frame.scrollingFigure(kind: "heatmap", canvas: layout(), header: [rowHeading] + columns, rows: tableRows)
    }

    /// The text of the figure: the data table and the caption.
    package func text() -> String { frame.figureText(header: [rowHeading] + columns, rows: tableRows) }

    private var tableRows: [[String]] { rows.indices.map { r in [rows[r]] + columns.indices.map { frame.text(value(r, $0)) } } }

    /// Font size of the matrix; it is never scaled, so this is the size readers see.
    static let font = 12.0

    /// The layout: column labels wrapped into at most two lines over cells wide enough for their longest word
    /// (52–96 px) and 44 px high, row labels wrapped into at most two lines of 130 px, the number in every cell.
    package func layout() -> ChartCanvas {
        let font = Self.font
        var canvas = ChartCanvas(width: 0, font: font)
        let longestWord = columns.flatMap { $0.split(separator: " ") }.map { TextWidth.of(String($0), size: font) }.max() ?? 0
        let cell = min(96, max(52, (longestWord + 10).rounded(.up)))
        let columnLines = columns.map { TextWidth.wrapped($0, size: font, maxWidth: cell - 6, maxLines: 2) }
        let lineCount = Double(columnLines.map(\.count).max() ?? 1)
        let headingHeight = columnHeading.isEmpty ? 0 : font * 1.8
        let headerHeight = headingHeight + lineCount * font * ChartSize.lineHeight + 8
        let rowLines = rows.map { TextWidth.wrapped($0, size: font, maxWidth: 130, maxLines: 2) }
        let labelWidth = (rowLines.joined().map { TextWidth.of($0, size: font) }.max() ?? 0) + 10
        canvas.width = max(labelWidth + Double(columns.count) * cell + 2,
                           columnHeading.isEmpty ? 0 : labelWidth + TextWidth.of(columnHeading, size: font))
        let rowHeight = 44.0
        canvas.height = headerHeight + Double(rows.count) * rowHeight + 4
        let maxValue = values.flatMap { $0.compactMap { $0 } }.max() ?? 0
        if !columnHeading.isEmpty {
            canvas.text(columnHeading, x: labelWidth, y: font * 1.1, cssClass: "axis-title")
        }
        for (c, lines) in columnLines.enumerated() {
            let x = labelWidth + Double(c) * cell + cell / 2
            for (l, line) in lines.enumerated() {
                let y = headerHeight - 8 - Double(lines.count - 1 - l) * font * ChartSize.lineHeight - font * ChartSize.descent
                canvas.text(line, x: x, y: y, anchor: .middle, cssClass: "column-label")
            }
        }
        for (r, label) in rows.enumerated() {
            let y = headerHeight + Double(r) * rowHeight
            let lines = rowLines[r], lineHeight = font * ChartSize.lineHeight
            for (l, line) in lines.enumerated() {
                let middle = y + rowHeight / 2 + (Double(l) - Double(lines.count - 1) / 2) * lineHeight
                canvas.text(line, x: labelWidth - 8, y: middle + font * 0.35, anchor: .end, cssClass: "row-label")
            }
            for c in columns.indices {
                let x = labelWidth + Double(c) * cell
                let geometry = "x=\"\(SVG.num(x + 1))\" y=\"\(SVG.num(y + 1))\" width=\"\(SVG.num(cell - 2))\" height=\"\(SVG.num(rowHeight - 2))\""
                let name = "\(label) → \(columns[c])"
                if let v = value(r, c) {
                    let step = Self.step(v, max: maxValue)
                    canvas.add("<rect class=\"cell heat-\(step)\" fill=\"\(SVG.heatColours[step])\"\(SVG.tip("\(name): \(frame.text(v))")) \(geometry)><title>"
                        + SVG.escape("\(name): \(frame.text(v))") + "</title></rect>")
                    canvas.text(frame.text(v), x: x + cell / 2, y: y + rowHeight / 2 + font * 0.35, anchor: .middle,
                                cssClass: "cell-value on-heat-\(step)")
                } else {
                    canvas.add("<rect class=\"cell suppressed\" \(frame.hatch(canvas))\(SVG.tip("\(name): \(frame.suppressedText)")) \(geometry)><title>"
                        + SVG.escape("\(name): \(frame.suppressedText)") + "</title></rect>")
                    canvas.text("fewer", x: x + cell / 2, y: y + rowHeight / 2 - 2, anchor: .middle, cssClass: "cell-value suppressed-label")
                    canvas.text("than \(frame.minGroupSize)", x: x + cell / 2, y: y + rowHeight / 2 + font + 1, anchor: .middle,
                                cssClass: "cell-value suppressed-label")
                }
            }
        }
        return canvas
    }
}
