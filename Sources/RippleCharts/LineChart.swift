/// A trend over ordered categories (quarters) with one line per series. Each series has its own
/// marker shape and dash pattern so lines can be told apart without colour; suppressed points
/// break the line and are marked with a hatched square.
package struct LineChart: FigureChart, Hashable {
    /// Title, description, caption and id.
    package var frame: ChartFrame
    /// X-axis labels, left to right.
    package var categories: [String]
    /// Lines; values align with `categories`.
    package var series: [ChartSeries]
    /// The index of a category whose figures are still growing (a running quarter): its points are drawn hollow
    /// and reached by a dotted segment, so a partial total does not read as a drop.
    package var toDate: Int?

    /// Creates a line chart.
    package init(frame: ChartFrame, categories: [String], series: [ChartSeries], toDate: Int? = nil) {
        self.frame = frame; self.categories = categories; self.series = series; self.toDate = toDate
    }

    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "10 4", "1 4"]

    /// A marker of shape `index` (circle, square, triangle, diamond, cross, bar) centred on a point.
    static func marker(_ index: Int, x: Double, y: Double, cls: String, tip: String? = nil) -> String {
        let paint = SVG.paint(series: index) + SVG.tip(tip)
        let (cx, cy) = (SVG.num(x), SVG.num(y))
        switch index % 6 {
        case 0: return "<circle class=\"\(cls)\"\(paint) cx=\"\(cx)\" cy=\"\(cy)\" r=\"4\"/>"
        case 1: return "<rect class=\"\(cls)\"\(paint) x=\"\(SVG.num(x - 4))\" y=\"\(SVG.num(y - 4))\" width=\"8\" height=\"8\"/>"
        case 2: return "<path class=\"\(cls)\"\(paint) d=\"M\(cx) \(SVG.num(y - 5))L\(SVG.num(x + 5)) \(SVG.num(y + 4))L\(SVG.num(x - 5)) \(SVG.num(y + 4))Z\"/>"
        case 3: return "<path class=\"\(cls)\"\(paint) d=\"M\(cx) \(SVG.num(y - 5))L\(SVG.num(x + 5)) \(cy)L\(cx) \(SVG.num(y + 5))L\(SVG.num(x - 5)) \(cy)Z\"/>"
        case 4: return "<path class=\"\(cls)\"\(paint) d=\"M\(SVG.num(x - 4)) \(SVG.num(y - 4))L\(SVG.num(x + 4)) \(SVG.num(y + 4))M\(SVG.num(x + 4)) \(SVG.num(y - 4))L\(SVG.num(x - 4)) \(SVG.num(y + 4))\"/>"
        default: return "<rect class=\"\(cls)\"\(paint) x=\"\(SVG.num(x - 2))\" y=\"\(SVG.num(y - 5))\" width=\"4\" height=\"10\"/>"
        }
    }

    /// The `<figure>` HTML: a wide and a narrow layout, the data table and the caption.
    package func html() -> String {
        frame.figure(kind: "line", wide: layout(.wide), narrow: layout(.narrow), header: [""] + series.map(\.name), rows: tableRows)
    }

    /// The text of the figure: the data table and the caption.
    package func text() -> String { frame.figureText(header: [""] + series.map(\.name), rows: tableRows) }

    private var tableRows: [[String]] {
        categories.indices.map { c in [categories[c]] + series.map { frame.text($0.value(c), unmeasured: !$0.isHidden(c)) } }
    }

    /// One layout: the legend in rows on top (for two or more lines), value ticks on the left, quarters below
    /// (thinned so none overlap), one path and marker set per series.
    package func layout(_ size: ChartSize) -> ChartCanvas {
        var canvas = frame.canvas(size)
        let font = canvas.font
        var top = 0.0
        if series.count > 1 {
            top = Legend.place(series.map(\.name), on: &canvas, top: 0, keyWidth: 24) { s, x, y in
                "<line class=\"line series-\(s % 6 + 1)\"\(SVG.paint(series: s, fill: false)) x1=\"\(SVG.num(x))\" "
                    + "x2=\"\(SVG.num(x + 24))\" y1=\"\(SVG.num(y))\" y2=\"\(SVG.num(y))\"" + Self.dash(s) + "/>"
                    + Self.marker(s, x: x + 12, y: y, cls: "marker series-\(s % 6 + 1)")
            }
        }
        top += font + 6
        let maxValue = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let (yMax, tickStep) = SVG.niceScale(maxValue)
        let ticks = (0...Int((yMax / tickStep).rounded())).map { tickStep * Double($0) }
        let left = (ticks.map { TextWidth.of(SVG.num($0), size: font) }.max() ?? 0) + 10
        let plotH = size == .wide ? 190.0 : 170.0, pad = 10.0
        let plotW = canvas.width - left - 4
        let bottom = top + plotH
        let step = categories.count > 1 ? (plotW - 2 * pad) / Double(categories.count - 1) : 0
        func x(_ c: Int) -> Double { categories.count > 1 ? left + pad + Double(c) * step : left + plotW / 2 }
        func y(_ v: Double) -> Double { bottom - max(0, v) / yMax * plotH }

        canvas.add("<g class=\"axis\">")
        for v in ticks {
            canvas.add("<line class=\"grid\" x1=\"\(SVG.num(left))\" x2=\"\(SVG.num(left + plotW))\" "
                       + "y1=\"\(SVG.num(y(v)))\" y2=\"\(SVG.num(y(v)))\"/>")
            canvas.text(SVG.num(v), x: left - 6, y: y(v) + font * 0.35, anchor: .end)
        }
        let xs = categories.indices.map(x)
        let baseline = bottom + font + 8
        for c in CategoryAxis.shown(categories, at: xs, font: font, minX: 0, maxX: canvas.width) {
            let width = TextWidth.of(categories[c], size: font)
            canvas.text(categories[c], x: CategoryAxis.centre(xs[c], width: width, minX: 0, maxX: canvas.width),
                        y: baseline, anchor: .middle)
        }
        canvas.add("</g>")
        for (s, item) in series.enumerated() {
            let cls = "series-\(s % 6 + 1)"
            var path = "", partial = "", pen = false
            for c in categories.indices {
                guard let v = item.value(c) else { pen = false; continue }
                let point = "\(SVG.num(x(c))) \(SVG.num(y(v)))"
                if c == toDate, pen, let previous = item.value(c - 1) {
                    partial = "M\(SVG.num(x(c - 1))) \(SVG.num(y(previous)))L" + point
                } else {
                    path += (pen ? "L" : "M") + point
                }
                pen = true
            }
            canvas.add("<g class=\"series \(cls)\" data-series=\"\(s)\">")
            if !path.isEmpty {
                canvas.add("<path class=\"line \(cls)\" fill=\"none\"\(SVG.paint(series: s, fill: false)) d=\"\(path)\"" + Self.dash(s) + "/>")
            }
            if !partial.isEmpty {
                canvas.add("<path class=\"line to-date \(cls)\" fill=\"none\"\(SVG.paint(series: s, fill: false)) d=\"\(partial)\" "
                           + "stroke-dasharray=\"2 4\"/>")
            }
            for c in categories.indices {
                let tip = "\(categories[c]), \(item.name): \(frame.text(item.value(c)))"
                if let value = item.value(c) {
                    canvas.add(Self.marker(s, x: x(c), y: y(value), cls: c == toDate ? "marker to-date \(cls)" : "marker \(cls)", tip: tip))
                } else if item.isHidden(c) {
                    canvas.add("<rect class=\"suppressed\" \(frame.hatch(canvas))\(SVG.tip(tip)) x=\"\(SVG.num(x(c) - 5))\" "
                        + "y=\"\(SVG.num(bottom - 10))\" width=\"10\" height=\"10\"><title>"
                        + SVG.escape("\(item.name), \(categories[c]): \(frame.suppressedText)") + "</title></rect>")
                }
            }
            canvas.add("</g>")
        }
        canvas.height = baseline + font * ChartSize.descent + 4
        return canvas
    }

    /// ` stroke-dasharray="…"` of series `index`, or nothing for the solid first line.
    static func dash(_ index: Int) -> String {
        dashes[index % 6].isEmpty ? "" : " stroke-dasharray=\"\(dashes[index % 6])\""
    }
}
