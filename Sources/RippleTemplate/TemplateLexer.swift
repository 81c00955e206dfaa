import RippleCore

/// Splits a template into text and tag tokens, following set-delimiter tags as it goes.
///
/// Text is cut at every line end so that later passes can reason line by line; syntax errors
/// (unclosed tags, bad delimiter changes, empty names) are collected, not thrown.
struct TemplateLexer {
    let bytes: [UInt8]
    let path: String
    private(set) var tokens: [TemplateToken] = []
    private(set) var diagnostics: [Diagnostic] = []

    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var line = 1
    private var lineStartOffset = 0
    /// Offset up to which `line` and `lineStartOffset` have been counted.
    private var countedTo = 0

    init(text: String, path: String) {
        self.bytes = Array(text.utf8)
        self.path = path
    }

    mutating func run() {
        var position = 0
        while position < bytes.count {
            guard let tagStart = find(open, from: position) else {
                emitText(from: position, to: bytes.count)
                return
            }
            emitText(from: position, to: tagStart)
            guard let next = lexTag(at: tagStart) else { return }
            position = next
        }
    }

    // MARK: - Text

    private mutating func emitText(from start: Int, to end: Int) {
        var pieceStart = start
        var index = start
        while index < end {
            if bytes[index] == 0x0A {
                tokens.append(TemplateToken(kind: .text, start: pieceStart, end: index + 1))
                pieceStart = index + 1
            }
            index += 1
        }
        if pieceStart < end {
            tokens.append(TemplateToken(kind: .text, start: pieceStart, end: end))
        }
    }

    // MARK: - Tags

    /// Lexes the tag starting at `tagStart`; returns the offset after it, or `nil` when the rest
    /// of the template cannot be read (an unclosed tag).
    private mutating func lexTag(at tagStart: Int) -> Int? {
        let (line, column) = position(of: tagStart)
        var token = TemplateToken(kind: .variable, start: tagStart, end: tagStart)
        token.line = line
        token.column = column
        token.openDelimiter = String(decoding: open, as: UTF8.self)
        token.closeDelimiter = String(decoding: close, as: UTF8.self)
        let location = SourceLocation(file: path, line: line, column: column)
        let contentStart = tagStart + open.count

        guard let closeAt = find(close, from: contentStart) else {
            let snippet = self.snippet(from: tagStart)
            diagnostics.append(.error(
                "tag '\(snippet)' is never closed", at: location,
                hint: "add '\(token.closeDelimiter)' where the tag should end"))
            return nil
        }
        var contentEnd = closeAt
        var tagEnd = closeAt + close.count
        let sigil = contentStart < contentEnd ? bytes[contentStart] : 0

        switch sigil {
        case UInt8(ascii: "{"):
            token.kind = .unescaped
            if contentEnd - 1 > contentStart, bytes[contentEnd - 1] == UInt8(ascii: "}") {
                contentEnd -= 1
            } else if tagEnd < bytes.count, bytes[tagEnd] == UInt8(ascii: "}"), close.first == UInt8(ascii: "}") {
                tagEnd += 1
            } else {
                let text = String(decoding: bytes[tagStart..<tagEnd], as: UTF8.self)
                diagnostics.append(.error(
                    "tag '\(text)' starts with '\(token.openDelimiter){' but does not end with '}\(token.closeDelimiter)'",
                    at: location,
                    hint: "end it with '}\(token.closeDelimiter)' to insert the value as-is, or remove the '{'"))
                return tagEnd
            }
            token.name = trimmed(contentStart + 1, contentEnd)
        case UInt8(ascii: "="):
            token.kind = .delimiters
            token.start = tagStart
            token.end = tagEnd
            if !changeDelimiters(contentStart: contentStart, contentEnd: contentEnd) {
                let text = String(decoding: bytes[tagStart..<tagEnd], as: UTF8.self)
                diagnostics.append(.error(
                    "delimiter change '\(text)' is not valid", at: location,
                    hint: "write it like \(token.openDelimiter)=<% %>=\(token.closeDelimiter): the new opening and closing markers, separated by a space, between '=' signs"))
            }
            tokens.append(token)
            return tagEnd
        case UInt8(ascii: "!"):
            token.kind = .comment
        case UInt8(ascii: "&"): token.kind = .unescaped
        case UInt8(ascii: "#"): token.kind = .section
        case UInt8(ascii: "^"): token.kind = .inverted
        case UInt8(ascii: "/"): token.kind = .close
        case UInt8(ascii: ">"): token.kind = .partial
        case UInt8(ascii: "<"): token.kind = .parent
        case UInt8(ascii: "$"): token.kind = .block
        default: token.kind = .variable
        }
        if token.kind != .unescaped || sigil == UInt8(ascii: "&") {
            token.name = token.kind == .variable ? trimmed(contentStart, contentEnd) : trimmed(contentStart + 1, contentEnd)
        }
        token.end = tagEnd

        if token.kind != .comment {
            let text = String(decoding: bytes[tagStart..<tagEnd], as: UTF8.self)
            var name = token.name
            if token.kind == .partial || token.kind == .parent, name.hasPrefix("*") {
                name = String(name.dropFirst()).trimmingWhitespace
            }
            if name.isEmpty {
                diagnostics.append(.error(
                    "tag '\(text)' has no name", at: location,
                    hint: "put a name inside the tag, like \(token.openDelimiter)title\(token.closeDelimiter), or remove the tag"))
                return tagEnd
            }
            if name.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                diagnostics.append(.error(
                    "tag '\(text)' has a space in its name", at: location,
                    hint: "names cannot contain spaces; use the exact name from the data or template, like first_name"))
                return tagEnd
            }
        }
        tokens.append(token)
        return tagEnd
    }

    /// Applies `{{=<% %>=}}`; returns `false` when the tag is malformed.
    private mutating func changeDelimiters(contentStart: Int, contentEnd: Int) -> Bool {
        // Content is `=<% %>=`.
        guard contentEnd - contentStart >= 2, bytes[contentEnd - 1] == UInt8(ascii: "=") else { return false }
        let inner = bytes[(contentStart + 1)..<(contentEnd - 1)]
        let parts = inner.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else { return false }
        open = Array(parts[0])
        close = Array(parts[1])
        return true
    }

    // MARK: - Helpers

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                var k = 1
                while k < needle.count {
                    if bytes[index + k] != needle[k] { matched = false; break }
                    k += 1
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private func trimmed(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        var lower = start, upper = end
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The tag's text up to the end of its line (at most 30 bytes), for error messages.
    private func snippet(from start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 30, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        // Do not cut a multi-byte character in half.
        while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset; offsets must not decrease.
    private mutating func position(of offset: Int) -> (line: Int, column: Int) {
        while countedTo < offset {
            if bytes[countedTo] == 0x0A {
                line += 1
                lineStartOffset = countedTo + 1
            }
            countedTo += 1
        }
        var column = 1
        var index = lineStartOffset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line, column)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line ends.
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
