import CRippleXML2
import RippleCore

/// Turning the site's HTML into the XML that EPUB readers require, and checking that it is well-formed.
package enum XHTML {
    /// Escapes text for XML content and double-quoted attribute values.
    package static func escape(_ text: String) -> String { Escape.xml(text) }

    /// HTML elements that never have content; XHTML writes them `<br />`.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr"]

    /// Named entities HTML authors and chart code commonly use; XML knows only five, so these become numeric.
    static let namedEntities: [String: String] = [
        "nbsp": "&#160;", "middot": "&#183;", "mdash": "&#8212;", "ndash": "&#8211;", "hellip": "&#8230;",
        "copy": "&#169;", "reg": "&#174;", "trade": "&#8482;", "times": "&#215;", "minus": "&#8722;",
        "rarr": "&#8594;", "larr": "&#8592;", "uarr": "&#8593;", "darr": "&#8595;", "thinsp": "&#8201;",
        "lsquo": "&#8216;", "rsquo": "&#8217;", "ldquo": "&#8220;", "rdquo": "&#8221;", "bull": "&#8226;",
        "deg": "&#176;", "euro": "&#8364;", "pound": "&#163;", "plusmn": "&#177;", "le": "&#8804;", "ge": "&#8805;",
    ]

    /// Makes HTML from Markdown and shortcodes XML-friendly: void elements closed, named entities numeric,
    /// inline SVG given its namespace, and bare attributes (`<details open>`) written out.
    package static func fromHTML(_ html: String) -> String {
        HTMLRewriter.rewrite(html, text: numericEntities, textOnlyWith: UInt8(ascii: "&")) { tag in xml(tag).map { .rewrite($0) } ?? .keep }
    }

    /// `fromHTML` of the HTML `adjust` makes of `html` (changing or replacing tags: the EPUB's links), in one pass:
    /// each tag is adjusted, then made XML-friendly; a replacement is made XML-friendly on its own.
    static func fromHTML(_ html: String, adjusting adjust: (HTMLRewriter.Tag) -> HTMLRewriter.Action) -> String {
        HTMLRewriter.rewrite(html, text: numericEntities, textOnlyWith: UInt8(ascii: "&")) { tag in
            var adjusted = tag
            var changed = false
            switch adjust(tag) {
            case .keep: break
            case .rewrite(let new): adjusted = new; changed = true
            case .replace(let text): return .replace(fromHTML(text))
            }
            if let xml = xml(adjusted) { return .rewrite(xml) }
            return changed ? .rewrite(adjusted) : .keep
        }
    }

    /// `tag` as XHTML writes it, nil when it needs no change.
    private static func xml(_ tag: HTMLRewriter.Tag) -> HTMLRewriter.Tag? {
        var tag = tag
        var changed = false
        if !tag.isEnd, voidElements.contains(tag.name), !tag.selfClosing { tag.selfClosing = true; changed = true }
        if !tag.isEnd, tag.name == "svg", tag.attribute("xmlns") == nil {
            tag.set("xmlns", "http://www.w3.org/2000/svg")
            changed = true
        }
        for i in tag.attributes.indices {
            if tag.attributes[i].value == nil { tag.attributes[i].value = tag.attributes[i].name; changed = true }
            else if let value = tag.attributes[i].value, value.utf8.contains(UInt8(ascii: "&")) {
                let fixed = numericEntities(value[...])
                if fixed != value { tag.attributes[i].value = fixed; changed = true }
            }
        }
        return changed ? tag : nil
    }

    /// Replaces known named entities by numeric references (on the UTF-8 bytes; a `;` that a combining
    /// character joins is not the end of an entity, as with `Character`s).
    static func numericEntities(_ text: Substring) -> String {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "&")) else { return String(text) }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var start = 0
        var i = 0
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "&"),
                  let semi = bytes[(i + 1)..<min(bytes.count, i + 11)].firstIndex(of: UInt8(ascii: ";")),
                  let numeric = namedEntities[String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)] else { continue }
            if semi + 1 < bytes.count, bytes[semi + 1] >= 0x80,
               text[utf8.index(text.startIndex, offsetBy: semi)].unicodeScalars.count > 1 { continue }
            out += bytes[start..<i]
            out += numeric.utf8
            start = semi + 1
            i = semi
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }

    /// A problem found by the XML parser: the 1-based line in the checked text and the parser's message.
    package struct Problem: Sendable, Hashable {
        /// Line within the checked text.
        package var line: Int
        /// What the parser said.
        package var message: String
    }

    /// Nil when `fragment` (markup, possibly several elements) is well-formed XML, else the first problem.
    package static func wellFormednessProblem(ofFragment fragment: String) -> Problem? {
        wellFormednessProblem(ofDocument: "<ripple-fragment>" + fragment + "</ripple-fragment>")
    }

    /// Nil when `document` is well-formed XML, else the first problem.
    ///
    /// libxml2's own parser with no callbacks but the one for errors: it checks all XML asks (namespaces too) and
    /// makes nothing of what it reads. FoundationXML's `XMLParser`, on the same libxml2 and with the same rules
    /// (errors count, warnings do not), built Swift strings of every element, attribute and run of text for
    /// callbacks the check ignores — most of the time of a book's check.
    package static func wellFormednessProblem(ofDocument document: String) -> Problem? {
        _ = parserReady
        var document = document
        return document.withUTF8 { bytes -> Problem? in
            guard bytes.count <= Int(Int32.max) else { return Problem(line: 1, message: "the markup is too large to check (over 2 GB)") }
            var handler = xmlSAXHandler()
            handler.initialized = XML_SAX2_MAGIC
            handler.serror = { context, error in
                guard let context, let error, error.pointee.level != XML_ERR_WARNING else { return }
                let first = context.assumingMemoryBound(to: FirstError.self)
                if first.pointee.code == nil { first.pointee = FirstError(code: Int(error.pointee.code), line: Int(error.pointee.line)) }
            }
            var first = FirstError()
            let status: Int32 = withUnsafeMutablePointer(to: &first) { firstPointer in
                guard let context = xmlCreatePushParserCtxt(&handler, firstPointer, nil, 0, nil) else { return -1 }
                defer { xmlFreeParserCtxt(context) }
                return bytes.withMemoryRebound(to: CChar.self) { xmlParseChunk(context, $0.baseAddress, Int32($0.count), 1) }
            }
            if let code = first.code { return Problem(line: max(1, first.line), message: describe(code)) }
            return status == 0 ? nil : Problem(line: 1, message: describe(Int(status)))
        }
    }

    /// libxml2 is made ready once, before any thread parses.
    private static let parserReady: Void = xmlInitParser()

    /// The first error the parser reports: libxml2's code and the line it was on.
    private struct FirstError {
        var code: Int?
        var line = 0
    }

    private static func describe(_ code: Int) -> String {
        // The libxml2 codes people actually meet in hand-written SVG and HTML.
        switch code {
        case 76: return "an element is closed with the wrong end tag"
        case 73, 77: return "an element is never closed"
        case 26: return "it uses an HTML entity that XML does not know (write the character itself instead)"
        case 68, 38, 39, 41: return "an attribute is not written as name=\"value\""
        case 5: return "the markup ends too early (an element is never closed)"
        default: return "the markup is not well-formed XML (parser error \(code))"
        }
    }
}
