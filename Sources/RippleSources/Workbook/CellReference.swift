/// A cell reference such as `C17`: 0-based column and 1-based row, within Excel's sheet size.
struct CellReference: Equatable {
    /// Excel's largest sheet: 1,048,576 rows by 16,384 columns (A … XFD).
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    var column: Int
    var row: Int

    /// Parses `C17` (or `$C$17`); `nil` when malformed or outside the sheet size.
    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - 48)
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, column <= Self.maxColumns, row >= 1, row <= Self.maxRows else { return nil }
        self.column = column - 1
        self.row = row
    }
}
