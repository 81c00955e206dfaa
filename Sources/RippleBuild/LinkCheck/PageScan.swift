import RippleCore

/// Receives what `PageScan` finds in a page, in document order.
protocol PageScanVisitor {
    /// Whether link texts are wanted at all (tracking them costs a copy of every byte inside `<a>`).
    var collectsText: Bool { get }
    /// Whether the text of link number `ordinal` is wanted.
    func wantsText(_ ordinal: Int) -> Bool
    /// An `id` (or `<a name>`), entity-decoded.
    mutating func id(_ value: String)
    /// Link number `ordinal` (0-based, in the order `LinkScanner.scanHTML` lists them); its line is the line of
    /// byte `lineOffset` plus `extraLines`.
    mutating func link(_ url: String, ordinal: Int, lineOffset: Int, extraLines: Int)
    /// The text of link number `ordinal`, as `LinkScanner.scanHTML` computes it.
    mutating func text(_ text: String, ordinal: Int)
}

/// The names `PageScan` looks for beyond `HTMLTagName`'s (a generic type cannot hold them).
private enum LinkAttributeNames {
    static let srcset = HTMLTagName("srcset")
    static let data = HTMLTagName("data")
    static let poster = HTMLTagName("poster")
    static let xlinkHref = HTMLTagName("xlink:href")
    static let object = HTMLTagName("object")
}

/// The link check's side of `HTMLTokenizer`: finds the ids and links `LinkScanner.scanHTML` lists, decoding
/// only the attributes that matter.
struct PageScan<Visitor: PageScanVisitor>: HTMLTokenVisitor {
    let bytes: UnsafeBufferPointer<UInt8>
    var visitor: Visitor
    private let collects: Bool
    private var ordinal = 0
    private var openLink: Int?  // the ordinal of the `<a>` whose text is being collected
    private var text: [UInt8] = []
    private var tagLinks: [(ordinal: Int, url: String)] = []

    /// Scans `bytes`, reporting to `visitor`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into visitor: inout Visitor) {
        var scan = PageScan(bytes: bytes, visitor: visitor, collects: visitor.collectsText)
        HTMLTokenizer.tokenize(bytes, into: &scan)
        visitor = scan.visitor
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, visitor: Visitor, collects: Bool) {
        self.bytes = bytes
        self.visitor = visitor
        self.collects = collects
    }

    mutating func text(_ range: Range<Int>) {
        if collects, openLink != nil { text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
    }

    mutating func rawText(_ range: Range<Int>, of element: HTMLTagName) {
        guard element == .style else { return }
        for found in LinkScanner.cssURLs(Array(UnsafeBufferPointer(rebasing: bytes[range]))) {
            visitor.link(found.url, ordinal: ordinal, lineOffset: range.lowerBound, extraLines: found.line - 1)
            ordinal += 1
        }
    }

    mutating func tag(_ tag: HTMLTagToken) {
        let isLink = tag.name == .a
        if tag.isEnd {
            if collects, isLink, let index = openLink {
                if visitor.wantsText(index) {
                    let decoded = text.withUnsafeBufferPointer { Entity.decodeAll(ArraySlice($0)) }
                    visitor.text(decoded.split(whereSeparator: \.isWhitespace).joined(separator: " "), ordinal: index)
                }
                openLink = nil
                text.removeAll(keepingCapacity: true)
            }
            return
        }
        var href: String?
        tagLinks.removeAll(keepingCapacity: true)
        func emit(_ url: String) {
            visitor.link(url, ordinal: ordinal, lineOffset: tag.range.lowerBound, extraLines: 0)
            if collects, isLink { tagLinks.append((ordinal, url)) }
            ordinal += 1
        }
        for attribute in tag.attributes {
            switch attribute.name {
            case .id: visitor.id(attribute.value(bytes))
            case .name: if isLink { visitor.id(attribute.value(bytes)) }
            case LinkAttributeNames.srcset:
                for candidate in attribute.value(bytes).split(separator: ",") {
                    if let url = candidate.split(whereSeparator: \.isWhitespace).first { emit(String(url)) }
                }
            case LinkAttributeNames.data: if tag.name == LinkAttributeNames.object { emit(attribute.value(bytes)) }
            case .style:
                for found in LinkScanner.cssURLs(Array(attribute.value(bytes).utf8)) { emit(found.url) }
            case .src, LinkAttributeNames.poster, LinkAttributeNames.xlinkHref: emit(attribute.value(bytes))
            case .href:
                let url = attribute.value(bytes)
                if collects, isLink, href == nil { href = url }
                emit(url)
            default: continue
            }
        }
        if collects, isLink, !tag.selfClosing, let href {
            openLink = tagLinks.first { $0.url == href }?.ordinal
        }
    }
}
