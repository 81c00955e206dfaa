/// A calendar date without a time zone, stored as days since 1970-01-01.
///
/// Program data only ever needs whole days; an integer keeps a million sessions small and
/// date arithmetic exact.
package struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    package var ordinal: Int32

    /// Creates a day from its ordinal.
    package init(ordinal: Int32) { self.ordinal = ordinal }

    /// Creates a day from a valid year, month (1–12) and day of month; `nil` when invalid.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`; `nil` when the text is not a valid ISO date.
    package init?(iso text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        guard let day = utf8.withUnsafeMutableBufferPointer({ Day(isoBytes: UnsafeBufferPointer($0)) }) else { return nil }
        self = day
    }

    /// Parses `YYYY-MM-DD` from raw bytes (the hot path of the CSV loader).
    package init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The year, month and day of month.
    package var components: (year: Int, month: Int, day: Int) { Day.civil(fromDays: Int(ordinal)) }

    /// The year.
    package var year: Int { components.year }
    /// The month, 1–12.
    package var month: Int { components.month }

    /// `YYYY-MM-DD`.
    package var iso: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    package var description: String { iso }

    /// This day moved by a number of days (held at the ends of the ordinal range rather than overflowing).
    package func adding(days: Int) -> Day { Day(ordinal: Int32(clamping: Int(ordinal) + Int(Int32(clamping: days)))) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    package func days(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    /// The first day of the month `months` months after this day's month.
    package func firstOfMonth(offsetBy months: Int = 0) -> Day {
        let (y, m, _) = components
        let total = y * 12 + (m - 1) + months
        // Floor division, so months before year 0 stay valid; the civil algorithm is exact for any year.
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        return Day(ordinal: Int32(clamping: Day.daysFromCivil(year: year, month: total - year * 12 + 1, day: 1)))
    }

    package static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// 1970-01-01, the earliest date Ripple reads in program data and `program.as_of`.
    package static let earliest = Day(ordinal: 0)
    /// 2200-12-31, the latest `program.as_of` (and `ripple sample-data --as-of`).
    package static let latestAsOf = Day(ordinal: Int32(daysFromCivil(year: 2200, month: 12, day: 31)))

    /// Whether a year is a Gregorian leap year.
    package static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in a month of a year.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-from-days algorithms: exact for the proleptic Gregorian calendar.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
