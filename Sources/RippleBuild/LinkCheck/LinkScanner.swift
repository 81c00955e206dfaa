import RippleRender

/// Finds the ids and the links of one generated HTML page or stylesheet.
package enum LinkScanner {
    /// One URL found in a generated file.
    package struct Link: Sendable, Hashable {
        /// The URL as written (entities decoded).
        package var url: String
        /// The 1-based line in the generated file.
        package var line: Int
        /// The text of the link (`<a>` only), for finding where it was written.
        package var text: String
    }

    /// What a page holds.
    package struct Page: Sendable {
        /// Every `id` (and `<a name>`), the targets of `#fragment` links.
        package var ids: Set<String>
        /// Every URL of an `href`, `src`, `srcset`, `poster` or `data` attribute and of CSS `url()` in `<style>`
        /// and `style` attributes, in order.
        package var links: [Link]
    }

    /// Scans an HTML page.
    package static func scanHTML(_ bytes: [UInt8]) -> Page {
        var visitor = FullVisitor(bytes: bytes)
        bytes.withUnsafeBufferPointer { PageScan.scan($0, into: &visitor) }
        return Page(ids: visitor.ids, links: visitor.links)
    }

    /// Collects everything, with lines and link texts.
    private struct FullVisitor: PageScanVisitor {
        let bytes: [UInt8]
        var ids = Set<String>()
        var links: [Link] = []
        var lines = LineCounter()
        var collectsText: Bool { true }
        func wantsText(_ ordinal: Int) -> Bool { true }
        mutating func id(_ value: String) { ids.insert(value) }
        mutating func link(_ url: String, ordinal: Int, lineOffset: Int, extraLines: Int) {
            links.append(Link(url: url, line: lines.line(at: lineOffset, in: bytes) + extraLines, text: ""))
        }
        mutating func text(_ text: String, ordinal: Int) { links[ordinal].text = text }
    }

    /// The URLs of `url(…)` and `@import "…"` in a stylesheet, with their 1-based lines.
    package static func cssURLs(_ bytes: [UInt8]) -> [Link] {
        var links: [Link] = []
        var line = 1, i = 0
        let url = Array("url(".utf8), importRule = Array("@import".utf8)
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 10 { line += 1; i += 1; continue }
            if byte == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                let end = find(Array("*/".utf8), in: bytes, from: i + 2).map { $0 + 2 } ?? bytes.count
                line += bytes[i..<end].count { $0 == 10 }
                i = end
                continue
            }
            if (byte | 0x20) == UInt8(ascii: "u"), matches(url, in: bytes, at: i) {
                var j = i + url.count
                while j < bytes.count, bytes[j] == 32 { j += 1 }
                var quote: UInt8? = nil
                if j < bytes.count, bytes[j] == 34 || bytes[j] == 39 { quote = bytes[j]; j += 1 }
                let start = j
                while j < bytes.count, bytes[j] != (quote ?? UInt8(ascii: ")")), bytes[j] != 10 { j += 1 }
                var value = String(decoding: bytes[start..<j], as: UTF8.self)
                if quote == nil { value = value.trimmingSpaces }
                links.append(Link(url: value, line: line, text: ""))
                i = j < bytes.count && bytes[j] != 10 ? j + 1 : j
                continue
            }
            if byte == UInt8(ascii: "@"), matches(importRule, in: bytes, at: i) {
                var j = i + importRule.count
                while j < bytes.count, bytes[j] == 32 { j += 1 }
                if j < bytes.count, bytes[j] == 34 || bytes[j] == 39 {
                    let quote = bytes[j]
                    let start = j + 1
                    j = start
                    while j < bytes.count, bytes[j] != quote, bytes[j] != 10 { j += 1 }
                    links.append(Link(url: String(decoding: bytes[start..<j], as: UTF8.self), line: line, text: ""))
                    if j < bytes.count, bytes[j] == quote { j += 1 }
                }
                i = j
                continue
            }
            if byte == 34 || byte == 39 {  // skip strings so `content: "url("` is not a URL
                var j = i + 1
                while j < bytes.count, bytes[j] != byte, bytes[j] != 10 { j += 1 }
                i = j < bytes.count && bytes[j] == byte ? j + 1 : j
                continue
            }
            i += 1
        }
        return links
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where (bytes[i + k] | 0x20) != (needle[k] | 0x20) { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if matches(needle, in: bytes, at: i) { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension LinkScanner {
    /// The links numbered `ordinals` of a page (see `PageScanVisitor.link`), with their lines and texts as
    /// `scanHTML` finds them, in page order.
    static func links(_ bytes: UnsafeBufferPointer<UInt8>, _ ordinals: Set<Int>) -> [Link] {
        var visitor = SomeLinksVisitor(bytes: bytes, wanted: ordinals)
        PageScan.scan(bytes, into: &visitor)
        return visitor.found.keys.sorted().map { visitor.found[$0]! }
    }

    private struct SomeLinksVisitor: PageScanVisitor {
        let bytes: UnsafeBufferPointer<UInt8>
        let wanted: Set<Int>
        var found: [Int: Link] = [:]
        var lines = LineCounter()
        var collectsText: Bool { true }
        func wantsText(_ ordinal: Int) -> Bool { wanted.contains(ordinal) }
        mutating func id(_ value: String) {}
        mutating func link(_ url: String, ordinal: Int, lineOffset: Int, extraLines: Int) {
            guard wanted.contains(ordinal) else { return }
            found[ordinal] = Link(url: url, line: lines.line(at: lineOffset, in: bytes) + extraLines, text: "")
        }
        mutating func text(_ text: String, ordinal: Int) { found[ordinal]?.text = text }
    }
}
