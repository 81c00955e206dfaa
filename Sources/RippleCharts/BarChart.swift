/// A horizontal bar chart with a label left of each bar and the value written after it.
package struct BarChart: Sendable, Hashable {
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

    /// The `<figure>` HTML.
    package func html() -> String {
        let labelWidth = 170.0, barArea = 360.0, rowHeight = 28.0, width = 640.0
        let height = max(rowHeight, Double(data.count) * rowHeight) + 8
        let top = data.compactMap(\.value).max() ?? 0
        var svg = frame.openSVG(kind: "bar", width: width, height: height)
        for (i, datum) in data.enumerated() {
            let y = 4 + Double(i) * rowHeight
            svg += "<g class=\"bar-row\">"
            svg += "<text class=\"bar-label\" x=\"\(SVG.num(labelWidth - 8))\" y=\"\(SVG.num(y + 18))\" text-anchor=\"end\">"
                + SVG.escape(datum.label) + "</text>"
            if let value = datum.value {
                let w = top > 0 ? max(0, value) / top * barArea : 0
                svg += "<rect class=\"bar series-1\"\(SVG.paint(series: 0)) x=\"\(SVG.num(labelWidth))\" y=\"\(SVG.num(y + 4))\" "
                    + "width=\"\(SVG.num(w))\" height=\"\(SVG.num(rowHeight - 8))\"/>"
                svg += "<text class=\"bar-value\" x=\"\(SVG.num(labelWidth + w + 6))\" y=\"\(SVG.num(y + 18))\">"
                    + SVG.escape(frame.text(value, display: datum.display)) + "</text>"
            } else {
                svg += "<rect class=\"bar suppressed\" fill=\"url(#\(frame.safeID)-hatch)\" x=\"\(SVG.num(labelWidth))\" "
                    + "y=\"\(SVG.num(y + 4))\" width=\"40\" height=\"\(SVG.num(rowHeight - 8))\"/>"
                svg += "<text class=\"bar-value suppressed-label\" x=\"\(SVG.num(labelWidth + 46))\" y=\"\(SVG.num(y + 18))\">"
                    + SVG.escape(frame.suppressedText) + "</text>"
            }
            svg += "</g>"
        }
        svg += "</svg>"
        let rows = data.map { [$0.label, frame.text($0.value, display: $0.display)] }
        return frame.figure(kind: "bar", svg: svg, header: ["", valueHeading], rows: rows)
    }
}
