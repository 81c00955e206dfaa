import RippleCore

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

    /// The file as UTF-8 text, or a diagnostic at the first line that is not valid UTF-8.
    package func text() -> Result<String, Diagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        return .failure(.error("is not valid UTF-8 text", at: SourceLocation(file: path, line: firstInvalidLine()),
                               hint: "save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)"))
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
