import RippleCore

/// Writes CSV straight into bytes (no per-row strings), quoting only fields that need it.
package struct CSVWriter {
    /// The CSV so far.
    package private(set) var bytes: [UInt8] = []
    private var atLineStart = true

    /// Starts a CSV with its header row.
    package init(header: [String], reserve: Int = 0) {
        bytes.reserveCapacity(reserve)
        for name in header { field(name) }
        endRow()
    }

    private mutating func separate() {
        if !atLineStart { bytes.append(UInt8(ascii: ",")) }
        atLineStart = false
    }

    /// A text field (nil or empty = absent), quoted when it holds a comma, quote or line break.
    package mutating func field(_ text: String?) {
        guard var text else { return field(bytes: UnsafeBufferPointer(start: nil, count: 0)) }
        text.withUTF8 { field(bytes: $0) }
    }

    /// A text field for people to open in a spreadsheet: text starting with `=`, `+`, `-`, `@` or a tab gets a
    /// leading `'`, so that a name from the data cannot run as a formula.
    package mutating func spreadsheetText(_ text: String?) {
        guard let text, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field(text) }
        field("'" + text)
    }

    /// A text field from its UTF-8 bytes (empty = absent), quoted when it holds a comma, quote or line break.
    mutating func field(bytes utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        guard !utf8.isEmpty else { return }
        if utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) || utf8.first == 32 || utf8.last == 32 {
            bytes.append(34)
            for c in utf8 {
                if c == 34 { bytes.append(34) }
                bytes.append(c)
            }
            bytes.append(34)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// An id made of a prefix and a zero-padded number (`S0000042`).
    mutating func id(_ prefix: StaticString, _ number: Int, width: Int) {
        separate()
        bytes.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        digits(number, width: width)
    }

    /// A whole number (nil = absent).
    package mutating func int(_ value: Int?) {
        separate()
        guard let value else { return }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(abs(value), width: 1)
    }

    mutating func number(_ value: Double?) {
        separate()
        guard let value else { return }
        bytes.append(contentsOf: (abs(value) < 1e15 && value == Double(Int(value)) ? String(Int(value)) : String(value)).utf8)
    }

    /// A date as YYYY-MM-DD (nil = absent).
    package mutating func day(_ day: Day?) {
        separate()
        guard let day else { return }
        let (y, m, d) = day.components
        digits(y, width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(m, width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(d, width: 2)
    }

    /// Ends the row.
    package mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atLineStart = true
    }

    private mutating func digits(_ value: Int, width: Int) {
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48)
        withUnsafeMutableBytes(of: &buffer) { raw in
            var v = value, i = 20
            repeat {
                i -= 1
                raw[i] = UInt8(48 + v % 10)
                v /= 10
            } while v > 0 && i > 0
            let start = min(i, 20 - min(width, 20))
            bytes.append(contentsOf: raw[start..<20])
        }
    }
}
