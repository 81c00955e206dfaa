/// Where a field's bytes are: a range either in the file itself or, for quoted fields with
/// escaped quotes, in a per-record scratch buffer holding the unescaped text.
struct FieldSpan {
    var start: Int
    var end: Int
    var inScratch: Bool

    static let empty = FieldSpan(start: 0, end: 0, inScratch: false)
    var isEmpty: Bool { start == end }
}

/// A byte-level RFC 4180 reader: quotes, escaped quotes (`""`), newlines inside quotes, CRLF.
///
/// It yields each record's field ranges into a reused array and allocates nothing per field;
/// only quoted fields containing `""` are copied (unescaped) into a reused scratch buffer.
struct CSVReader {
    /// How reading the next record ended.
    enum Outcome: Equatable {
        case record
        case end
        /// A quote opened on `line` was never closed; the rest of the file is unusable.
        case unterminatedQuote(line: Int, column: Int)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    private(set) var position: Int
    /// Line the reader is on (1-based).
    private(set) var line = 1
    /// Line on which the last record returned started.
    private(set) var recordLine = 1

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, delimiter: UInt8) {
        self.bytes = bytes
        self.position = start
        self.delimiter = delimiter
    }

    /// Picks the delimiter from the header line: comma unless semicolons or tabs are clearly used.
    static func detectDelimiter(_ b: UnsafeBufferPointer<UInt8>, start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0, inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == ByteText.quote { inQuotes.toggle() }
            else if !inQuotes {
                if c == ByteText.newline || c == ByteText.carriageReturn { break }
                if c == UInt8(ascii: ",") { commas += 1 }
                else if c == UInt8(ascii: ";") { semicolons += 1 }
                else if c == ByteText.tab { tabs += 1 }
            }
            i += 1
        }
        if tabs > commas && tabs >= semicolons { return ByteText.tab }
        if semicolons > commas { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }

    /// Reads the next record's fields into `spans` (cleared first).
    mutating func next(into spans: inout [FieldSpan], scratch: inout [UInt8]) -> Outcome {
        spans.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        let b = bytes, n = b.count, delimiter = self.delimiter
        let trimTabs = delimiter != ByteText.tab
        var i = position
        guard i < n else { return .end }
        recordLine = line
        var lineStart = i
        while true {
            var s = i
            while s < n, b[s] == ByteText.space || (b[s] == ByteText.tab && trimTabs) { s += 1 }
            if s < n, b[s] == ByteText.quote {
                let openLine = line, openColumn = s - lineStart + 1
                var j = s + 1
                let start = j
                var escaped = false
                while true {
                    guard j < n else {
                        position = n
                        return .unterminatedQuote(line: openLine, column: openColumn)
                    }
                    let c = b[j]
                    if c == ByteText.quote {
                        if j + 1 < n, b[j + 1] == ByteText.quote {
                            escaped = true
                            j += 2
                            continue
                        }
                        break
                    }
                    if c == ByteText.newline {
                        line += 1
                        lineStart = j + 1
                    }
                    j += 1
                }
                let end = j
                j += 1
                // Lenient: anything between the closing quote and the delimiter is ignored.
                while j < n, b[j] != delimiter, b[j] != ByteText.newline, b[j] != ByteText.carriageReturn { j += 1 }
                if escaped {
                    let from = scratch.count
                    var k = start
                    while k < end {
                        scratch.append(b[k])
                        k += b[k] == ByteText.quote ? 2 : 1
                    }
                    spans.append(FieldSpan(start: from, end: scratch.count, inScratch: true))
                } else {
                    spans.append(FieldSpan(start: start, end: end, inScratch: false))
                }
                i = j
            } else {
                var j = s
                while j < n {
                    let c = b[j]
                    if c == delimiter || c == ByteText.newline || c == ByteText.carriageReturn { break }
                    j += 1
                }
                var end = j
                while end > s, b[end - 1] == ByteText.space || (b[end - 1] == ByteText.tab && trimTabs) { end -= 1 }
                spans.append(FieldSpan(start: s, end: end, inScratch: false))
                i = j
            }
            guard i < n else {
                position = n
                return .record
            }
            let c = b[i]
            if c == delimiter {
                i += 1
                continue
            }
            i += 1
            if c == ByteText.carriageReturn, i < n, b[i] == ByteText.newline { i += 1 }
            line += 1
            position = i
            return .record
        }
    }
}
