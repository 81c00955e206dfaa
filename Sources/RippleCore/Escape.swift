/// Escaping for XML/XHTML/SVG text Ripple writes by hand (JSON strings: `JSONString`).
/// (HTML in templates is escaped by RippleTemplate's byte-level escaper, on the hot path.)
package enum Escape {
    /// Text for XML content and quoted attribute values: `& < > " '`.
    package static func xml(_ text: String) -> String {
        // Most text has nothing to escape: return it as it is, without rebuilding it scalar by scalar.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
