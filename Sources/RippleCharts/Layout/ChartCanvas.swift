/// One layout of a chart being drawn: its size, the SVG so far and every text placed on it, so the label
/// boxes a chart produced can be checked (`ChartsLayoutTests`) from the same layout the SVG came from.
package struct ChartCanvas: Sendable {
    /// ViewBox width.
    package var width: Double
    /// Font size of the chart's text, in viewBox units.
    package var font: Double
    /// Height, known once the chart has placed everything.
    package var height: Double = 0
    /// Added to the chart's id for the ids inside this layout's SVG (empty for the wide one).
    var idSuffix = ""
    /// SVG markup inside the `<svg>` element.
    var body = ""
    /// Every text placed, in drawing order.
    package private(set) var labels: [LabelBox] = []

    init(size: ChartSize) { width = size.width; font = size.font }

    init(width: Double, font: Double) { self.width = width; self.font = font }

    /// Adds raw SVG.
    mutating func add(_ svg: String) { body += svg }

    /// Text anchors, as in SVG.
    enum Anchor: String { case start, middle, end }

    /// Places one line of text with its baseline at `y`, records its box and returns its box.
    @discardableResult
    mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, cssClass: String? = nil,
                       size: Double? = nil) -> LabelBox {
        let font = size ?? self.font
        let width = TextWidth.of(text, size: font)
        let left = anchor == .start ? x : anchor == .middle ? x - width / 2 : x - width
        let box = LabelBox(text: text, x: left, y: y - font * ChartSize.ascent, width: width,
                           height: font * (ChartSize.ascent + ChartSize.descent))
        labels.append(box)
        var svg = "<text"
        if let cssClass { svg += " class=\"\(cssClass)\"" }
        svg += " x=\"\(SVG.num(x))\" y=\"\(SVG.num(y))\""
        if anchor != .start { svg += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != nil { svg += " font-size=\"\(SVG.num(font))\"" }
        body += svg + ">" + SVG.escape(text) + "</text>"
        return box
    }
}

/// The two layouts of a chart: wide (shown when the chart's card is at least `ChartSize.breakpoint` wide) and
/// narrow (phones). Fonts are chosen so text never renders under 11 CSS px once the theme scales the SVG to
/// its card: the wide layout is never shown narrower than the breakpoint, the narrow one never under ~275 px.
package enum ChartSize: String, Sendable, CaseIterable {
    case wide, narrow

    /// ViewBox width.
    package var width: Double { self == .wide ? 640 : 300 }
    /// Font size in viewBox units.
    package var font: Double { self == .wide ? 13 : 12 }
    /// Card width in CSS px from which the wide layout shows (the theme's container query uses it).
    package static let breakpoint = 560.0
    /// Ascent and descent of the font stack, in ems (DejaVu Sans; others are smaller).
    static let ascent = 0.93, descent = 0.24
    /// Line height in ems for stacked lines.
    static let lineHeight = 1.25
}
