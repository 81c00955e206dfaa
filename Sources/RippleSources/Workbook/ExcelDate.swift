import RippleCore

/// Turns Excel date serials into ISO dates, in either of the two date systems.
enum ExcelDate {
    /// The ISO date of a serial (the time of day dropped), or `nil` when it is no date Ripple could hold.
    ///
    /// In the 1900 system day 1 is 1900-01-01 and day 60 the 1900-02-29 that Lotus 1-2-3 invented (kept as
    /// written so it fails as an invalid date); in the 1904 system day 0 is 1904-01-01.
    static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let day = Int(serial.rounded(.down))
        if date1904 { return Day(ordinal: Int32(day - 24_107)).iso }
        if day == 60 { return "1900-02-29" }
        guard day >= 1 else { return nil }
        return Day(ordinal: Int32(day < 60 ? day - 25_568 : day - 25_569)).iso
    }
}
