/// The rows of a GitHub Flavored Markdown pipe table, read from one source line each.
///
/// A row is split at every `|` that is not escaped as `\|` (pipes inside code spans split too, as in GFM);
/// one leading and one trailing pipe are optional; spaces around cell text are trimmed; `\|` becomes `|`.
enum PipeTableSyntax {
    /// Column alignment, from the colons of the delimiter row (`:--`, `:-:`, `--:`).
    enum Alignment: Equatable {
        case none, left, center, right
    }

    /// One cell: its text (with `\|` unescaped) and the byte offset in the line where the text starts.
    struct Cell: Equatable {
        var text: String
        var byteOffset: Int
    }

    /// The cells of `line` (a line without a pipe is one cell).
    static func cells(_ line: ArraySlice<UInt8>) -> [Cell] {
        let bytes = Array(line)
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        var pipes: [Int] = []
        var index = start
        while index < end {
            if bytes[index] == backslash { index += 2; continue }
            if bytes[index] == pipe { pipes.append(index) }
            index += 1
        }
        if pipes.first == start { start += 1; pipes.removeFirst() }
        if let last = pipes.last, last == end - 1 { end -= 1; pipes.removeLast() }
        var cells: [Cell] = []
        var from = start
        for boundary in pipes + [end] {
            var cellStart = from, cellEnd = max(from, boundary)
            while cellStart < cellEnd, isSpace(bytes[cellStart]) { cellStart += 1 }
            while cellEnd > cellStart, isSpace(bytes[cellEnd - 1]) { cellEnd -= 1 }
            cells.append(Cell(text: unescapingPipes(bytes[cellStart..<cellEnd]), byteOffset: cellStart))
            from = boundary + 1
        }
        return cells
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or `nil` when `line` is not one.
    static func alignments(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        guard line.contains(pipe) else { return nil }
        var result: [Alignment] = []
        for cell in cells(line) {
            let text = Array(cell.text.utf8)
            let left = text.first == colon, right = text.count > 1 && text.last == colon
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == dash }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }

    private static func unescapingPipes(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == backslash, index + 1 < bytes.endIndex, bytes[index + 1] == pipe {
                out.append(pipe)
                index += 2
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
    private static let colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-")
}
