/// Reads a JSON table, `[{"field": value, …}, …]`, into the same field ranges the CSV reader
/// yields, so both formats share one typing and validation path.
///
/// Values may be strings, numbers, booleans, null (= absent) or arrays of those (joined with the
/// list separator). Each row remembers the line of its object's opening brace.
struct JSONTableReader {
    /// A syntax problem, located by line and column.
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// The keys in order of first appearance (they play the role of the CSV header).
    private(set) var headers: [String] = []
    /// The decoded values of every row.
    private(set) var storage: [UInt8] = []
    /// Row-major field ranges into `storage`, `headers.count` per row.
    private(set) var spans: [FieldSpan] = []
    /// The line of each row's opening brace.
    private(set) var lines: [Int] = []

    private let b: UnsafeBufferPointer<UInt8>
    private let listSeparator: [UInt8]
    private var i: Int
    private var line = 1
    private var lineStart: Int
    private var headerIndex: [String: Int] = [:]

    /// Parses the whole table.
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, listSeparator: [UInt8]) throws(Failure) {
        b = bytes
        i = start
        lineStart = start
        self.listSeparator = listSeparator
        try parse()
    }

    private mutating func parse() throws(Failure) {
        var rows: [[(Int, FieldSpan)]] = []
        skipSpace()
        guard peek == UInt8(ascii: "[") else { throw fail("the file is not a JSON list of rows: it must start with '['") }
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "]") { i += 1 } else {
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "{") else { throw fail("expected '{' to start a row") }
                lines.append(line)
                rows.append(try object())
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == UInt8(ascii: "]") { i += 1; break }
                throw fail("expected ',' or ']' after a row")
            }
        }
        skipSpace()
        guard i >= b.count else { throw fail("unexpected text after the closing ']'") }
        spans = Array(repeating: .empty, count: rows.count * headers.count)
        for (r, row) in rows.enumerated() {
            for (column, span) in row { spans[r * headers.count + column] = span }
        }
    }

    private var peek: UInt8? { i < b.count ? b[i] : nil }

    private func fail(_ message: String) -> Failure {
        Failure(message: message, line: line, column: i - lineStart + 1)
    }

    private mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            if c == ByteText.newline {
                line += 1
                lineStart = i + 1
            } else if c != ByteText.space && c != ByteText.tab && c != ByteText.carriageReturn {
                return
            }
            i += 1
        }
    }

    private mutating func object() throws(Failure) -> [(Int, FieldSpan)] {
        i += 1
        var fields: [(Int, FieldSpan)] = []
        skipSpace()
        if peek == UInt8(ascii: "}") { i += 1; return fields }
        var keyBytes: [UInt8] = []
        while true {
            skipSpace()
            guard peek == ByteText.quote else { throw fail("expected a field name in double quotes") }
            keyBytes.removeAll(keepingCapacity: true)
            try string(into: &keyBytes)
            let key = String(decoding: keyBytes, as: UTF8.self)
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw fail("expected ':' after the field name") }
            i += 1
            skipSpace()
            let start = storage.count
            if peek == UInt8(ascii: "[") {
                i += 1
                skipSpace()
                var first = true
                if peek == UInt8(ascii: "]") { i += 1 } else {
                    while true {
                        skipSpace()
                        if !first { storage.append(contentsOf: listSeparator) }
                        first = false
                        try scalar(key: key)
                        skipSpace()
                        if peek == UInt8(ascii: ",") { i += 1; continue }
                        if peek == UInt8(ascii: "]") { i += 1; break }
                        throw fail("expected ',' or ']' in the list of '\(key)'")
                    }
                }
            } else {
                try scalar(key: key)
            }
            let column: Int
            if let known = headerIndex[key] { column = known } else {
                column = headers.count
                headers.append(key)
                headerIndex[key] = column
            }
            fields.append((column, FieldSpan(start: start, end: storage.count, inScratch: false)))
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; continue }
            if peek == UInt8(ascii: "}") { i += 1; return fields }
            throw fail("expected ',' or '}' after the value of '\(key)'")
        }
    }

    /// Appends a scalar's text to `storage` (nothing for null).
    private mutating func scalar(key: String) throws(Failure) {
        guard let c = peek else { throw fail("the file ends in the middle of a row") }
        switch c {
        case ByteText.quote:
            var text: [UInt8] = []
            try string(into: &text)
            storage.append(contentsOf: text)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            if matches("true") {
                storage.append(contentsOf: "true".utf8)
                i += 4
                return
            }
            if matches("false") {
                storage.append(contentsOf: "false".utf8)
                i += 5
                return
            }
            if matches("null") {
                i += 4
                return
            }
            throw fail("'\(key)' has a value that is not text, a number, true, false or null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            while let d = peek, d == UInt8(ascii: "-") || d == UInt8(ascii: "+") || d == UInt8(ascii: ".")
                    || d == UInt8(ascii: "e") || d == UInt8(ascii: "E") || (d >= 48 && d <= 57) {
                storage.append(d)
                i += 1
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            throw fail("'\(key)' holds a nested object or list; only text, numbers, true/false and lists of those are read")
        default:
            throw fail("'\(key)' has a value that is not text, a number, true, false or null")
        }
    }

    private func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= b.count else { return false }
        for k in 0..<count where b[i + k] != word.utf8Start[k] { return false }
        return true
    }

    /// Decodes a JSON string starting at the opening quote.
    private mutating func string(into out: inout [UInt8]) throws(Failure) {
        i += 1
        while true {
            guard i < b.count else { throw fail("a text value is missing its closing double quote") }
            let c = b[i]
            if c == ByteText.quote { i += 1; return }
            if c == ByteText.newline { throw fail("a text value runs past the end of the line") }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < b.count else { throw fail("a text value ends with a lone '\\'") }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "n"): out.append(ByteText.newline)
            case UInt8(ascii: "t"): out.append(ByteText.tab)
            case UInt8(ascii: "r"): out.append(ByteText.carriageReturn)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), matches("\\u") {
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) }
                }
                let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(value)).utf8))
            default:
                throw fail("'\\\(Character(Unicode.Scalar(e)))' is not a valid escape in a text value")
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= b.count else { throw fail("a '\\u' escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(b[i])).hexDigitValue else {
                throw fail("a '\\u' escape needs four hex digits")
            }
            value = value * 16 + UInt32(digit)
            i += 1
        }
        return value
    }
}
