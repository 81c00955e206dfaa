/// How a metric's number is read and shown.
package enum MetricUnit: String, Sendable, Hashable, CaseIterable {
    /// A whole number of people, pairs, sessions … (`1,240`).
    case count
    /// A fraction 0–1 shown as a percentage (`0.425` → `42.5%`).
    case share
    /// Hours (`12.5 h`).
    case hours
    /// Days (`14 days`).
    case days
    /// A 1–5 rating (`4.25 / 5`).
    case rating
    /// A plain ratio (`2.35`).
    case ratio

    /// The number as readers see it.
    package func format(_ value: Double) -> String {
        switch self {
        case .count: return Self.grouped(Int(value.rounded()))
        case .share: return Self.trimmed(value * 100, decimals: 1) + "%"
        case .hours: return Self.trimmed(value, decimals: 1) + " h"
        case .days:
            let text = Self.trimmed(value, decimals: 1)
            return text + (text == "1" ? " day" : " days")
        case .rating: return Self.trimmed(value, decimals: 2) + " / 5"
        case .ratio: return Self.trimmed(value, decimals: 2)
        }
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Rounded to at most `decimals` places, without trailing zeros.
    static func trimmed(_ value: Double, decimals: Int) -> String {
        let r = rounded(value, decimals)
        if r == r.rounded() { return grouped(Int(r)) }
        var text = String(r)
        if text.contains("e") { text = String(Int(r)) }
        return text
    }
}
