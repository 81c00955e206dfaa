import RippleCore

/// Small helpers for writing SVG and HTML text.
package enum SVG {
    /// Light-theme series colours as presentation attributes. Browsers let the theme's CSS override them
    /// (dark mode, print); renderers without CSS variables in SVG (WeasyPrint's PDFs) still get colours.
    static let seriesColours = ["#0a6b72", "#c2410c", "#6d28d9", "#1d4ed8", "#a16207", "#be185d"]
    /// The heat scale's light-theme colours, lightest first.
    static let heatColours = ["#eef5f4", "#cde8e6", "#9fd3d0", "#5fb3b3", "#237a80", "#0a5a60"]

    /// ` fill="…" stroke="…"` for series `index` (0-based), for shapes, or only the stroke for lines.
    static func paint(series index: Int, fill: Bool = true) -> String {
        let colour = seriesColours[index % seriesColours.count]
        return fill ? " fill=\"\(colour)\" stroke=\"\(colour)\"" : " stroke=\"\(colour)\" stroke-width=\"2\""
    }

    /// ` data-tip="…"`: the label and value the optional chart script shows on hover and keyboard focus.
    static func tip(_ text: String?) -> String {
        text.map { " data-tip=\"\(escape($0))\"" } ?? ""
    }

    /// Escapes text for XML content and attribute values.
    package static func escape(_ text: String) -> String { Escape.xml(text) }

    /// The top of a value axis and its tick step: round numbers (1, 2, 2.5 or 5 × 10ⁿ) giving four to six
    /// ticks, so axes read 0, 50, 100 … rather than 0, 71.75, 143.5 ….
    package static func niceScale(_ maxValue: Double) -> (top: Double, step: Double) {
        guard maxValue > 0, maxValue.isFinite else { return (1, 0.25) }
        let raw = maxValue / 4
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let residual = raw / magnitude
        let nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
        let step = nice * magnitude
        return ((maxValue / step).rounded(.up) * step, step)
    }

    /// A coordinate with at most two decimals and no trailing zeros (`12`, `12.5`).
    package static func num(_ value: Double) -> String {
        let r = (value * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }

    /// A chart id reduced to letters, digits, `-` and `_` so derived ids are valid everywhere.
    package static func safeID(_ id: String) -> String {
        let cleaned = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return cleaned.first?.isLetter == true ? cleaned : "chart-" + cleaned
    }

    /// A value as readers see it, when the caller gave no label: whole numbers plain, others to two decimals.
    package static func defaultLabel(_ value: Double) -> String { num(value) }

    /// `<defs>` with the hatch pattern used for suppressed values.
    static func hatchDefs(_ id: String) -> String {
        "<defs><pattern id=\"\(id)-hatch\" class=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"hatch-bg\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs>"
    }
}
