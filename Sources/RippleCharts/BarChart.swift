/// A horizontal bar chart with a label left of each bar and the value written after it.
package struct BarChart: FigureChart, Hashable {
    /// Title, description, caption and id.
    package var frame: ChartFrame
    /// Bars, top to bottom.
    package var data: [ChartDatum]
    /// Heading of the value column in the data table.
    package var valueHeading: String

    /// Creates a bar chart.
    package init(frame: ChartFrame, data: [ChartDatum], valueHeading: String = "Value") {
        self.frame = frame; self.data = data; self.valueHeading = valueHeading
    }

    /// The `<figure>` HTML: a wide and a narrow layout, the data table and the caption.
    package func html() -> String {
        frame.figure(kind: "bar", wide: layout(.wide), narrow: layout(.narrow), header: ["", valueHeading], rows: tableRows)
    }

    /// The text of the figure: the data table and the caption.
    package func text() -> String { frame.figureText(header: ["", valueHeading], rows: tableRows) }

    private var tableRows: [[String]] {
        data.map { [$0.label, frame.text($0.value, display: $0.display, unmeasured: $0.isUnmeasured)] }
    }

    /// One layout. Wide: labels in a column left of the bars (shortened with `…` past 38% of the width).
    /// Narrow: each label on its own line above its bar. Values follow their bars and always fit.
    package func layout(_ size: ChartSize) -> ChartCanvas {
        var canvas = frame.canvas(size)
        let font = canvas.font, narrow = size == .narrow
        let texts = data.map { frame.text($0.value, display: $0.display, unmeasured: $0.isUnmeasured) }
        let valueWidth = texts.map { TextWidth.of($0, size: font) }.max() ?? 0
        let widest = data.map { TextWidth.of($0.label, size: font) }.max() ?? 0
        let labelColumn = narrow ? 0 : min(widest, canvas.width * 0.38) + 8
        let barArea = max(40, canvas.width - labelColumn - valueWidth - 8)
        let barHeight = narrow ? 14.0 : font * 1.4
        let rowHeight = narrow ? font * ChartSize.lineHeight + barHeight + 10 : font * 2.2
        let top = data.compactMap(\.value).max() ?? 0
        for (i, datum) in data.enumerated() {
            let rowTop = 4 + Double(i) * rowHeight
            let barY = narrow ? rowTop + font * ChartSize.lineHeight : rowTop + (rowHeight - barHeight) / 2
            let textY = barY + barHeight / 2 + font * 0.35
            canvas.add("<g class=\"bar-row\">")
            let label = TextWidth.truncated(datum.label, size: font, maxWidth: narrow ? canvas.width : labelColumn - 8)
            if narrow {
                canvas.text(label, x: 0, y: rowTop + font, cssClass: "bar-label")
            } else {
                canvas.text(label, x: labelColumn - 8, y: textY, anchor: .end, cssClass: "bar-label")
            }
            var end = labelColumn
            if let value = datum.value {
                let w = top > 0 ? max(0, value) / top * barArea : 0
                canvas.add("<rect class=\"bar series-1\"\(SVG.paint(series: 0))\(SVG.tip("\(datum.label): \(texts[i])")) x=\"\(SVG.num(labelColumn))\" y=\"\(SVG.num(barY))\" "
                    + "width=\"\(SVG.num(w))\" height=\"\(SVG.num(barHeight))\"/>")
                end += w
                canvas.text(texts[i], x: end + 6, y: textY, cssClass: "bar-value")
            } else if datum.isUnmeasured {
                canvas.text(texts[i], x: end + 6, y: textY, cssClass: "bar-value unmeasured-label")
            } else {
                canvas.add("<rect class=\"bar suppressed\" \(frame.hatch(canvas))\(SVG.tip("\(datum.label): \(texts[i])")) x=\"\(SVG.num(labelColumn))\" "
                    + "y=\"\(SVG.num(barY))\" width=\"30\" height=\"\(SVG.num(barHeight))\"/>")
                canvas.text(texts[i], x: min(end + 36, canvas.width - valueWidth), y: textY, cssClass: "bar-value suppressed-label")
            }
            canvas.add("</g>")
        }
        canvas.height = max(rowHeight, Double(data.count) * rowHeight) + 8
        return canvas
    }
}
