import RippleCore

/// Where the bulk of a program's dates ends, so that one mistyped year (a session in 2126, an end date of
/// 9999-12-31) is reported instead of silently becoming the reporting date.
///
/// The bulk is the run of dates that starts at the median date and goes on while no two consecutive
/// dates are more than a year (365 days) apart; it ends at the last date before the first such gap.
/// A date more than a year after that end is out of the window. The median makes the rule hold for
/// any amount of data (fewer than half the dates can never move it), and the gap rule lets a program
/// taper off slowly without a false alarm. Dates are 1970-01-01 or later (`RowReader.day` refuses
/// earlier ones), so both tables below are fixed-size (about 0.5 MB): a bitmap of days since 1970 and a
/// count of dates per 64-day word of it, which locates the median without sorting or calendar maths.
/// O(n) in the number of dates plus O(days from 1970 to 9999 / 64) for the scan.
struct DateWindow {
    private static let lastOrdinal = Int(Day(iso: "9999-12-31")!.ordinal)
    /// One bit per day since 1970-01-01: whether any date falls on it.
    private var days = [UInt64](repeating: 0, count: lastOrdinal / 64 + 1)
    /// Dates per word of `days`.
    private var counts = [Int32](repeating: 0, count: lastOrdinal / 64 + 1)
    private var count = 0
    /// The latest date counted.
    private(set) var latest: Day?

    /// Counts a date (dates before 1970 are ignored: they are reported on their own).
    mutating func add(_ day: Day) {
        guard day.ordinal >= 0, Int(day.ordinal) <= Self.lastOrdinal else { return }
        let ordinal = Int(day.ordinal)
        days[ordinal / 64] |= 1 << UInt64(ordinal % 64)
        counts[ordinal / 64] += 1
        count += 1
        if latest.map({ day > $0 }) ?? true { latest = day }
    }

    /// The last date of the bulk; nil without dates.
    var bulkEnd: Day? {
        guard count > 0 else { return nil }
        var seen = 0, word = 0
        while seen * 2 < count { seen += Int(counts[word]); word += 1 }
        word -= 1  // the word holding the median; gaps inside a word are shorter than a year
        var last = -1
        var bits = days[word]
        while true {
            while bits == 0 {
                word += 1
                if word == days.count { return Day(ordinal: Int32(last)) }
                // Stop as soon as more than a year has passed without a date.
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
