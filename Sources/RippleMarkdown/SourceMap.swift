import RippleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns cmark's source positions (1-based line, 1-based *byte* column, counted in the Markdown body)
/// into `SourceLocation`s (real file line, column in Unicode scalars).
struct SourceMap {
    let bytes: [UInt8]
    private(set) var lineStarts: [Int] = [0]
    let file: String
    let lineOffset: Int
    /// Where the lines come from when the Markdown includes other files (empty: all from `file`).
    let sourceLines: [SourceLineRun]

    init(markdown: String, file: String, lineOffset: Int, sourceLines: [SourceLineRun] = []) {
        self.bytes = Array(markdown.utf8)
        self.file = file
        self.lineOffset = lineOffset
        self.sourceLines = sourceLines
        lineStarts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var from = 0
            while from < buffer.count, let found = memchr(base + from, 0x0A, buffer.count - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lineStarts.append(index + 1)
                from = index + 1
            }
        }
    }

    /// The location of cmark position `line`:`byteColumn`, moved `scalarOffset` Unicode scalars to the right.
    func location(line: Int32, byteColumn: Int32, scalarOffset: Int = 0) -> SourceLocation {
        let line = Int(line), byteColumn = Int(byteColumn)
        guard line >= 1, line <= lineStarts.count else {
            return SourceLocation(file: file, line: line > 0 ? line + lineOffset : nil)
        }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + max(0, byteColumn - 1))
        // Every byte that is not a UTF-8 continuation byte starts a scalar.
        var column = 1
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { column += 1 }
        let (file, fileLine) = fileLine(line)
        return SourceLocation(file: file, line: fileLine, column: column + scalarOffset)
    }

    /// The file and line a line of the Markdown comes from.
    private func fileLine(_ line: Int) -> (String, Int) {
        guard !sourceLines.isEmpty else { return (file, line + lineOffset) }
        // The last run starting at or before the line.
        var low = 0, high = sourceLines.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if sourceLines[middle].line <= line { low = middle } else { high = middle }
        }
        let run = sourceLines[low]
        return (run.file, run.fileLine + line - run.line)
    }
}

extension SourceMap {
    /// The bytes of one line (1-based, in the Markdown body), without its line ending.
    func lineBytes(_ line: Int32) -> ArraySlice<UInt8> {
        let line = Int(line)
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// Whether the source of one line between two 1-based byte columns (both included) holds `needle`.
    func contains(_ needle: [UInt8], line: Int32, fromByteColumn start: Int32, toByteColumn end: Int32) -> Bool {
        let line = Int(line)
        guard line >= 1, line <= lineStarts.count, start >= 1, end >= start, let first = needle.first else { return false }
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        let from = min(lineStarts[line - 1] + Int(start) - 1, lineEnd)
        let to = min(lineStarts[line - 1] + Int(end), lineEnd)
        return bytes.withUnsafeBufferPointer { buffer in
            var index = from
            while index + needle.count <= to {
                if buffer[index] == first, buffer[index..<index + needle.count].elementsEqual(needle) { return true }
                index += 1
            }
            return false
        }
    }

    /// The source text of one line between two 1-based byte columns (both included), as written.
    func scalars(line: Int32, fromByteColumn start: Int32, toByteColumn end: Int32) -> [Unicode.Scalar] {
        let line = Int(line)
        guard line >= 1, line <= lineStarts.count, start >= 1, end >= start else { return [] }
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        let from = min(lineStarts[line - 1] + Int(start) - 1, lineEnd)
        let to = min(lineStarts[line - 1] + Int(end), lineEnd)
        return Array(String(decoding: bytes[from..<to], as: UTF8.self).unicodeScalars)
    }
}
