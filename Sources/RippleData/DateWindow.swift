import RippleCore

/// Where the bulk of a program's dates ends, so that one mistyped year (a session in 2126, an end date of
/// 9999-12-31) is reported instead of silently becoming the reporting date.
///
/// The bulk is the run of dates that starts at the median date and goes on while no two consecutive
/// dates are more than a year (365 days) apart; it ends at the last date before the first such gap.
/// A date more than a year after that end is out of the window. The median makes the rule hold for
/// any amount of data (fewer than half the dates can never move it), and the gap rule lets a program
/// taper off slowly without a false alarm. Dates are 1970-01-01 or later (`RowReader.day` refuses
/// earlier ones), so both tables below are fixed-size: a month histogram and a bitmap of days.
/// O(n) in the number of dates plus O(days from 1970 to 9999 / 64) for the scan.
struct DateWindow {
    private static let lastOrdinal = Int(Day(iso: "9999-12-31")!.ordinal)
    /// Dates seen per month since January 1970.
    private var months = [Int32](repeating: 0, count: (9999 - 1970 + 1) * 12)
    /// One bit per day since 1970-01-01: whether any date falls on it.
    private var days = [UInt64](repeating: 0, count: lastOrdinal / 64 + 1)
    private var count = 0

    /// Counts a date (dates before 1970 are ignored: they are reported on their own).
    mutating func add(_ day: Day) {
        guard day.ordinal >= 0 else { return }
        let (year, month, _) = day.components
        months[(year - 1970) * 12 + month - 1] += 1
        days[Int(day.ordinal) / 64] |= 1 << UInt64(Int(day.ordinal) % 64)
        count += 1
    }

    /// The last date of the bulk; nil without dates.
    var bulkEnd: Day? {
        guard count > 0 else { return nil }
        var seen = 0, month = 0
        while seen * 2 < count { seen += Int(months[month]); month += 1 }
        let medianMonth = month - 1
        let first = Int(Day(year: 1970 + medianMonth / 12, month: medianMonth % 12 + 1, day: 1)!.ordinal)
        var last = -1
        var word = first / 64
        var bits = days[word] & (~0 << UInt64(first % 64))
        while true {
            while bits == 0 {
                word += 1
                if word == days.count { return Day(ordinal: Int32(last)) }
                // A gap of a whole year is found without visiting each day's word once `last` is set.
                if last >= 0, word * 64 - last > 365 + 64 { return Day(ordinal: Int32(last)) }
                bits = days[word]
            }
            let day = word * 64 + bits.trailingZeroBitCount
            if last >= 0, day - last > 365 { return Day(ordinal: Int32(last)) }
            last = day
            bits &= bits - 1
        }
    }
}
