import RippleCore

/// One tag of generated HTML, read by a small byte scanner (for the search index and the link check).
///
/// Comments, doctypes and processing instructions parse as tags named `!` so callers can skip them.
package struct HTMLTag: Sendable {
    /// Lower-cased element name (`a`, `h2`), or `!` for comments and declarations.
    package var name: String
    /// `</name>`.
    package var closing: Bool
    /// `<name/>`.
    package var selfClosing: Bool
    /// Attributes in order: lower-cased name, entity-decoded value (empty for bare attributes).
    package var attributes: [(name: String, value: String)]
    /// Byte offset just after the tag's `>`.
    package var end: Int

    /// The value of an attribute.
    package func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The `id` attribute.
    package var id: String? { attribute("id") }

    /// The words of the `class` attribute.
    package var classes: [Substring] { (attribute("class") ?? "").split(separator: " ") }

    /// Whether `name` is `h1`…`h6`.
    package static func isHeading(_ name: String) -> Bool {
        name.utf8.count == 2 && name.hasPrefix("h") && ("1"..."6").contains(name.dropFirst())
    }

    /// Parses the tag starting at `bytes[start] == "<"`; nil when it is not a tag (a lone `<` in text).
    package static func parse(_ bytes: [UInt8], at start: Int) -> HTMLTag? {
        var i = start + 1
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?") {
            let isComment = i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "-") && bytes[i + 2] == UInt8(ascii: "-")
            let terminator: [UInt8] = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
            let end = ByteSearch.firstIndex(of: terminator, in: bytes, from: i) ?? bytes.count
            return HTMLTag(name: "!", closing: false, selfClosing: true, attributes: [], end: min(bytes.count, end + terminator.count))
        }
        var closing = false
        if bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
        let nameStart = i
        while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart, isLetter(bytes[nameStart]) else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
        var attributes: [(String, String)] = []
        var selfClosing = false
        while i < bytes.count {
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: ">") { i += 1; break }
            if bytes[i] == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            let attrStart = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                  !(bytes[i] == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
            let attrName = String(decoding: bytes[attrStart..<i], as: UTF8.self).lowercased()
            if i == attrStart { i += 1; continue }
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            var value = ""
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < bytes.count, bytes[i] != quote { i += 1 }
                    value = Entity.decodeAll(bytes[valueStart..<min(i, bytes.count)])
                    i = min(i + 1, bytes.count)
                } else {
                    let valueStart = i
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = Entity.decodeAll(bytes[valueStart..<i])
                }
            }
            attributes.append((attrName, value))
        }
        return HTMLTag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: i)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") }
    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
}
