/// Which cell number formats show a date, so a date cell's serial number is read as a date.
enum NumberFormat {
    /// Built-in formats 14–22 (dates, date-times) and 45–47 (times), as ECMA-376 lists them.
    static func isBuiltInDate(_ id: Int) -> Bool { (14...22).contains(id) || (45...47).contains(id) }

    /// Whether a custom format code (`yyyy-mm-dd`, `d/m/yy;@`) shows a date: it has a day, month or
    /// year part outside quoted text, escapes and `[…]` sections (colours, locales, elapsed time).
    static func showsDate(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\", "_", "*": if !inQuote { escaped = true }
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d", "y", "m":
                guard !inQuote, !inBracket else { break }
                // `m` alone is also minutes (h:mm); a date format has d or y, a time one h or s.
                if character != "m" || !code.lowercased().contains(where: { "hs".contains($0) }) { return true }
            default: break
            }
        }
        return false
    }
}
