/// Horizontal bars split into series (sessions led by mentor / mentee / jointly, per quarter).
package struct StackedBarChart: FigureChart, Hashable {
    /// Title, description, caption and id.
    package var frame: ChartFrame
    /// Bar labels, top to bottom.
    package var categories: [String]
    /// Segments, left to right; each series' values align with `categories`.
    package var series: [ChartSeries]

    /// Creates a stacked bar chart.
    package init(frame: ChartFrame, categories: [String], series: [ChartSeries]) {
        self.frame = frame; self.categories = categories; self.series = series
    }

    /// The `<figure>` HTML: a wide and a narrow layout, the data table and the caption.
    package func html() -> String {
        frame.figure(kind: "stacked", wide: layout(.wide), narrow: layout(.narrow), header: [""] + series.map(\.name), rows: tableRows)
    }

    /// The text of the figure: the data table and the caption.
    package func text() -> String { frame.figureText(header: [""] + series.map(\.name), rows: tableRows) }

    private var tableRows: [[String]] {
        categories.indices.map { c in [categories[c]] + series.map { frame.text($0.value(c), unmeasured: !$0.isHidden(c)) } }
    }

    /// The total written after a bar: the sum, or "total hidden" when a part is hidden for privacy.
    func totalText(_ c: Int) -> String {
        if series.contains(where: { $0.isHidden(c) }) { return "total hidden" }
        if series.allSatisfy({ $0.value(c) == nil }) { return ChartFrame.unmeasuredText }
        return frame.text(series.reduce(0.0) { $0 + max(0, $1.value(c) ?? 0) })
    }

    /// One layout: the legend in rows on top, then one bar per category with its label left of it (wide) or
    /// above it (narrow); a segment's value is written inside it when it fits, the total after the bar.
    package func layout(_ size: ChartSize) -> ChartCanvas {
        var canvas = frame.canvas(size)
        let font = canvas.font, narrow = size == .narrow
        let legendBottom = Legend.place(series.map(\.name), on: &canvas, top: 0, keyWidth: 12) { s, x, y in
            "<rect class=\"series-\(s % 6 + 1)\"\(SVG.paint(series: s)) x=\"\(SVG.num(x))\" y=\"\(SVG.num(y - 6))\" width=\"12\" height=\"12\"/>"
        }
        let totals = categories.indices.map(totalText)
        let totalWidth = totals.map { TextWidth.of($0, size: font) }.max() ?? 0
        let widest = categories.map { TextWidth.of($0, size: font) }.max() ?? 0
        let labelColumn = narrow ? 0 : min(widest, canvas.width * 0.3) + 8
        let hatchWidth = series.indices.contains { s in categories.indices.contains { series[s].isHidden($0) } } ? 30.0 : 0
        let barArea = max(40, canvas.width - labelColumn - hatchWidth - totalWidth - 8)
        let barHeight = narrow ? 16.0 : font * 1.6
        let rowHeight = narrow ? font * ChartSize.lineHeight + barHeight + 10 : font * 2.4
        let top = categories.indices.map { c in series.reduce(0.0) { $0 + max(0, $1.value(c) ?? 0) } }.max() ?? 0
        for (c, category) in categories.enumerated() {
            let rowTop = legendBottom + 4 + Double(c) * rowHeight
            let barY = narrow ? rowTop + font * ChartSize.lineHeight : rowTop + (rowHeight - barHeight) / 2
            let textY = barY + barHeight / 2 + font * 0.35
            canvas.add("<g class=\"bar-row\">")
            let label = TextWidth.truncated(category, size: font, maxWidth: narrow ? canvas.width : labelColumn - 8)
            if narrow {
                canvas.text(label, x: 0, y: rowTop + font, cssClass: "bar-label")
            } else {
                canvas.text(label, x: labelColumn - 8, y: textY, anchor: .end, cssClass: "bar-label")
            }
            var x = labelColumn
            for (s, item) in series.enumerated() {
                guard let v = item.value(c) else { continue }
                let w = top > 0 ? max(0, v) / top * barArea : 0
                guard w > 0 else { continue }
                canvas.add("<rect class=\"bar series-\(s % 6 + 1)\"\(SVG.paint(series: s))"
                    + SVG.tip("\(category), \(item.name): \(frame.text(v))") + " x=\"\(SVG.num(x))\" y=\"\(SVG.num(barY))\" "
                    + "width=\"\(SVG.num(w))\" height=\"\(SVG.num(barHeight))\"><title>"
                    + SVG.escape("\(category), \(item.name): \(frame.text(v))") + "</title></rect>")
                let text = frame.text(v)
                if TextWidth.of(text, size: font) + 6 <= w {
                    canvas.text(text, x: x + w / 2, y: textY, anchor: .middle, cssClass: "segment-value")
                }
                x += w
            }
            if series.contains(where: { $0.isHidden(c) }) {
                canvas.add("<rect class=\"bar suppressed\" \(frame.hatch(canvas))\(SVG.tip("\(category): part \(frame.suppressedText)")) x=\"\(SVG.num(x))\" "
                    + "y=\"\(SVG.num(barY))\" width=\"\(SVG.num(hatchWidth))\" height=\"\(SVG.num(barHeight))\"/>")
                x += hatchWidth
            }
            canvas.text(totals[c], x: x + 6, y: textY, cssClass: "bar-value")
            canvas.add("</g>")
        }
        canvas.height = legendBottom + 4 + max(rowHeight, Double(categories.count) * rowHeight) + 8
        return canvas
    }
}
