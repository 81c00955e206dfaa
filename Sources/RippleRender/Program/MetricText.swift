import RippleCore
import RippleMetrics

/// How program figures are written for readers: values, their units, changes and dates.
///
/// Every program page (dashboards, reports, shortcodes) formats through here so a figure reads the
/// same everywhere. Suppressed values read "fewer than N" (KPI tiles say "Hidden", see `MetricTile`);
/// nothing to measure reads "—".
package enum MetricText {
    /// A figure as readers see it (`1,240`, `42.5%`, `4.25 / 5`, "fewer than 5", "—").
    package static func value(_ value: MetricValue, key: String, minGroupSize: Int) -> String {
        grouped(MetricCatalog.format(value, key: key, minGroupSize: minGroupSize))
    }

    /// Adds thousands separators to a leading decimal number the catalogue left ungrouped (`3697.5 h` → `3,697.5 h`).
    static func grouped(_ text: String) -> String {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count > 3, text.dropFirst(digits.count).first == "." else { return text }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out + text.dropFirst(digits.count)
    }

    /// A formatted number split into the number and a unit shown smaller after it
    /// (`12.5 h` → (`12.5`, `h`); `42.5%` stays whole). Non-numbers come back whole with no unit.
    package static func parts(_ value: MetricValue, key: String, minGroupSize: Int) -> (number: String, unit: String) {
        let text = Self.value(value, key: key, minGroupSize: minGroupSize)
        guard case .number = value, let unit = MetricCatalog.definition(key)?.unit else { return (text, "") }
        for suffix in unitSuffixes(unit) where text.hasSuffix(" " + suffix) {
            return (String(text.dropLast(suffix.count + 1)), suffix)
        }
        return (text, "")
    }

    private static func unitSuffixes(_ unit: MetricUnit) -> [String] {
        switch unit {
        case .hours: ["h"]
        case .days: ["days", "day"]
        case .rating: ["/ 5"]
        case .count, .share, .ratio: []
        }
    }

    /// The size of a change between two numbers in the metric's unit, without sign:
    /// counts `12`, shares in percentage points `3.2 points`, hours `1.5 h`, days `3 days`, ratings `0.15`.
    package static func amount(_ difference: Double, unit: MetricUnit) -> String {
        let size = abs(difference)
        switch unit {
        case .share:
            let rounded = trimmedPoints(size * 100)
            return rounded + (rounded == "1" ? " point" : " points")
        case .rating: return MetricUnit.ratio.format(size)
        default: return unit.format(size)
        }
    }

    /// Percentage points with one decimal at most.
    private static func trimmedPoints(_ value: Double) -> String {
        let r = (value * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// `2026-06-30` → `30 June 2026`.
    package static func date(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }

    /// A date with the month shortened (`30 Jun 2026`), for table columns that must fit a phone.
    package static func shortDate(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(months[c.month - 1].prefix(3)) \(c.year)"
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]

    /// A period's label with "to date" when it is still running (`Q3 2026, to date`).
    package static func periodLabel(_ period: PeriodMetrics) -> String {
        period.toDate ? "\(period.label) (to \(date(period.end)))" : period.label
    }

    /// A program type for readers (`reciprocal` → `Reciprocal`).
    package static func programType(_ type: ProgramType) -> String {
        type.rawValue.prefix(1).uppercased() + type.rawValue.dropFirst()
    }
}
