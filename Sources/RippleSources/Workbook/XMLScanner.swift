/// A small event reader for the XML of workbook parts: elements (by local name, so `x:c` reads as
/// `c`), attributes, text with the predefined and numeric entities, CDATA; comments and processing
/// instructions skipped. Hand-written because Foundation's XMLParser was too slow: the data stage of a
/// 47,000-session workbook took 1,275 ms with it and 580 ms with this (release build; CSV: 39 ms). It
/// refuses DTDs (no entity can expand) and reports where the XML is not well-formed.
struct XMLScanner {
    /// Where and why the XML is not well-formed.
    struct Failure: Error {
        var message: String
        var line: Int
    }

    /// An element's attributes, by local name.
    struct Attributes {
        fileprivate var pairs: [(name: String, value: String)] = []

        subscript(name: String) -> String? {
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    private func fail(_ message: String) -> Failure {
        var line = 1
        for k in 0..<min(i, b.count) where b[k] == 10 { line += 1 }
        return Failure(message: message, line: line)
    }

    /// Reads the whole part, calling the handlers in document order.
    mutating func scan(start: (String, Attributes) -> Void, end: (String) -> Void, text: (String) -> Void) throws(Failure) {
        var open: [String] = []
        var attributes = Attributes()
        var content: [UInt8] = []
        var sawRoot = false
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) { throw fail("the part is UTF-16, not UTF-8") }
        while i < b.count {
            if b[i] != UInt8(ascii: "<") {
                content.removeAll(keepingCapacity: true)
                try readText(until: UInt8(ascii: "<"), into: &content)
                if !open.isEmpty, !content.isEmpty { text(String(decoding: content, as: UTF8.self)) }
                else if open.isEmpty, content.contains(where: { !(($0 == 32) || ($0 == 9) || ($0 == 10) || ($0 == 13)) }) {
                    throw fail("text outside the root element")
                }
                continue
            }
            if starts("<!--") {
                guard let close = find("-->", from: i + 4) else { throw fail("a comment is never closed") }
                i = close + 3
            } else if starts("<![CDATA[") {
                guard let close = find("]]>", from: i + 9) else { throw fail("a CDATA section is never closed") }
                if !open.isEmpty { text(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 9)..<close]), as: UTF8.self)) }
                i = close + 3
            } else if starts("<?") {
                guard let close = find("?>", from: i + 2) else { throw fail("a processing instruction is never closed") }
                i = close + 2
            } else if starts("<!") {
                throw fail("document type declarations are not allowed in a workbook")
            } else if starts("</") {
                i += 2
                let name = readName()
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ">") else { throw fail("'>' expected after </\(name)") }
                i += 1
                guard let last = open.popLast(), last == name else { throw fail("</\(name)> does not close the open element") }
                end(name)
            } else {
                i += 1
                guard open.isEmpty ? !sawRoot : true else { throw fail("a second root element") }
                let name = readName()
                guard !name.isEmpty else { throw fail("an element name is expected after '<'") }
                attributes.pairs.removeAll(keepingCapacity: true)
                var selfClosing = false
                while true {
                    skipSpace()
                    guard i < b.count else { throw fail("the tag <\(name) is never closed") }
                    if b[i] == UInt8(ascii: ">") { i += 1; break }
                    if b[i] == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") { i += 2; selfClosing = true; break }
                    let attribute = readName()
                    skipSpace()
                    guard !attribute.isEmpty, i < b.count, b[i] == UInt8(ascii: "=") else { throw fail("an attribute of <\(name) is malformed") }
                    i += 1
                    skipSpace()
                    guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
                        throw fail("an attribute value of <\(name) is not quoted")
                    }
                    let quote = b[i]
                    i += 1
                    content.removeAll(keepingCapacity: true)
                    try readText(until: quote, into: &content)
                    guard i < b.count else { throw fail("an attribute value of <\(name) is never closed") }
                    i += 1
                    attributes.pairs.append((attribute, String(decoding: content, as: UTF8.self)))
                }
                sawRoot = true
                start(name, attributes)
                if selfClosing { end(name) } else { open.append(name) }
            }
        }
        guard open.isEmpty else { throw fail("<\(open.last!)> is never closed") }
        guard sawRoot else { throw fail("the part has no root element") }
    }

    private func starts(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != prefix.utf8Start[k] { return false }
        return true
    }

    private func find(_ marker: StaticString, from start: Int) -> Int? {
        let n = marker.utf8CodeUnitCount
        var k = start
        while k + n <= b.count {
            if b[k] == marker.utf8Start[0] {
                var match = true
                for m in 1..<n where b[k + m] != marker.utf8Start[m] { match = false; break }
                if match { return k }
            }
            k += 1
        }
        return nil
    }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
    }

    /// A name, without its namespace prefix.
    private mutating func readName() -> String {
        let start = i
        var local = i
        while i < b.count {
            let c = b[i]
            if c == 32 || c == 9 || c == 10 || c == 13 || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
                || c == UInt8(ascii: "=") || c == UInt8(ascii: "<") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { break }
            if c == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        return start == i ? "" : String(decoding: UnsafeBufferPointer(rebasing: b[local..<i]), as: UTF8.self)
    }

    /// Text up to `stop` (not consumed), entities decoded, CRLF as LF.
    private mutating func readText(until stop: UInt8, into out: inout [UInt8]) throws(Failure) {
        while i < b.count, b[i] != stop {
            let c = b[i]
            if c == UInt8(ascii: "&") {
                guard let semicolon = (i + 1..<min(i + 12, b.count)).first(where: { b[$0] == UInt8(ascii: ";") }) else {
                    throw fail("a '&' that starts no entity")
                }
                let entity = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<semicolon]), as: UTF8.self)
                switch entity {
                case "amp": out.append(UInt8(ascii: "&"))
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                    guard entity.hasPrefix("#"), let value = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                          let scalar = Unicode.Scalar(value) else { throw fail("the entity &\(entity); is unknown") }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                }
                i = semicolon + 1
            } else if c == 13 {
                out.append(10)
                i += (i + 1 < b.count && b[i + 1] == 10) ? 2 : 1
            } else if c == UInt8(ascii: "<") {
                throw fail("'<' inside an attribute value")
            } else {
                out.append(c)
                i += 1
            }
        }
    }
}
