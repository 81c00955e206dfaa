/// A file read from the site folder: its path relative to the folder and its bytes.
package struct SourceFile: Sendable, Hashable {
    /// Path relative to the site folder, `/`-separated (`content/guide/01-why.md`).
    package var path: String
    /// The file's bytes.
    package var bytes: [UInt8]

    /// Creates a source file.
    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a source file from text (tests and generated files).
    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The file as UTF-8 text, or a diagnostic at the first line that is not valid UTF-8 or the first
    /// control character (`controlCharacterProblem`).
    package func text() -> Result<String, Diagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) {
            if let problem = bytes.withUnsafeBufferPointer({ Self.controlCharacterProblem(in: $0, file: path) }) {
                return .failure(problem)
            }
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        return .failure(.error("is not valid UTF-8 text", at: SourceLocation(file: path, line: firstInvalidLine()),
                               hint: "save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)"))
    }

    /// A located error for the first control character (U+0000–U+001F other than tab, line feed and carriage
    /// return) in valid UTF-8 text; nil when there is none. The one rule for every text Ripple reads (content,
    /// ripple.yaml, data): HTML, SVG and EPUB (XML 1.0) cannot hold these characters, and on a terminal they
    /// are escape sequences. O(n), eight bytes at a time.
    package static func controlCharacterProblem(in b: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic? {
        guard let base = b.baseAddress else { return nil }
        var i = 0
        while i < b.count {
            if i + 8 <= b.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // Non-zero only when some byte of the word is below 0x20 (bytes of 0x80 and up never set it).
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D { break }
            i += 1
        }
        guard i < b.count else { return nil }
        var line = 1, lineStart = 0
        for k in 0..<i where b[k] == 0x0A { line += 1; lineStart = k + 1 }
        let column = (lineStart..<i).count { b[$0] & 0xC0 != 0x80 } + 1
        let code = String(b[i], radix: 16, uppercase: true)
        return .error("the file holds the invisible control character U+\(String(repeating: "0", count: 4 - code.count) + code), which web pages and e-books cannot hold",
                      at: SourceLocation(file: file, line: line, column: column),
                      hint: "delete it (it usually comes from pasted text); tabs and line breaks are fine")
    }

    private func firstInvalidLine() -> Int {
        var line = 1, lineStart = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart..<i], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = i + 1
        }
        return line
    }
}
