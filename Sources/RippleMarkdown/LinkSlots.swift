import RippleCore

/// One render of a document for two outputs that write its links differently (the site, and the guide's EPUB and
/// print edition): a link whose two destinations differ is rendered with a numbered placeholder
/// (`ripple-link-slot-3`), and `fill` then puts either output's destination in its place, written as the renderer
/// writes it there (cmark's href escaping, or the raw HTML sanitiser's XML escaping). Each output's HTML is byte for
/// byte what rendering with its own destinations gives.
struct LinkSlots {
    /// Where a placeholder stands, which decides how its destination is written.
    enum Context {
        /// An `href` or `src` cmark writes.
        case cmark
        /// An attribute of raw HTML the sanitiser wrote (`RawHTMLSanitizer`).
        case rawHTML
    }

    /// One link's two destinations.
    struct Slot {
        var first: String
        var second: String
        var context: Context
    }

    /// The placeholders' prefix: a document whose text holds it is rendered twice instead.
    static let prefix: StaticString = "ripple-link-slot-"

    private(set) var slots: [Slot] = []

    /// Whether `text` (a page's Markdown, a shortcode's HTML) cannot share a render: it holds the prefix.
    static func clashes(with text: String) -> Bool { ByteSearch.contains(prefix, in: text) }

    /// The destination the renderer writes for a link with these destinations (the placeholder when they differ).
    mutating func destination(first: String, second: String, context: Context) -> String {
        guard first != second else { return first }
        slots.append(Slot(first: first, second: second, context: context))
        return "ripple-link-slot-" + String(slots.count - 1)
    }

    /// `html` with every placeholder replaced by its slot's first (or second) destination; `html` itself when no
    /// link differs. Without `unsafeHTML`, a dangerous destination cmark writes is emptied, as `DocumentWalker`
    /// does. Nil when a placeholder names no slot.
    func fill(_ html: String, second: Bool, unsafeHTML: Bool) -> String? {
        guard !slots.isEmpty else { return html }
        let pattern = UnsafeRawBufferPointer(start: Self.prefix.utf8Start, count: Self.prefix.utf8CodeUnitCount)
        var html = html
        return html.withUTF8 { utf8 -> String? in
            let bytes = UnsafeRawBufferPointer(utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            var start = 0
            while let hit = ByteSearch.firstIndex(of: pattern, in: bytes, from: start) {
                var end = hit + pattern.count
                var index = 0
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), index < slots.count {
                    index = index * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end > hit + pattern.count, index < slots.count else { return nil }
                let slot = slots[index]
                let destination = second ? slot.second : slot.first
                out += bytes[start..<hit]
                switch slot.context {
                case .cmark: Self.appendHref(!unsafeHTML && Cmark.isDangerousURL(destination) ? "" : destination, to: &out)
                case .rawHTML: out += Escape.xml(destination).utf8
                }
                start = end
            }
            out += bytes[start...]
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ASCII bytes cmark (0.30, `houdini_escape_href`) writes as they are in an href; `&` and `'` become
    /// `&amp;` and `&#x27;`, every other byte `%XX`.
    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        guard byte < 0x80 else { return false }
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%()*+,-./:;=?@_~".unicodeScalars.contains(scalar)
    }

    /// `destination` as cmark writes it in an `href` or `src`.
    static func appendHref(_ destination: String, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in destination.utf8 {
            if hrefSafe[Int(byte)] { out.append(byte); continue }
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "'"): out += "&#x27;".utf8
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
    }
}
