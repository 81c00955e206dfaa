import RippleCore

/// (Reference) The part of a written page the search index read before it was built from the model: the inside of its `<main>` element (the whole page
/// when it has none), so that the header, navigation and footer are not indexed with every page, and
/// without the `<nav>` elements inside it (the dashboards' tabs would open every snippet).
struct MainContent: HTMLTokenVisitor {
    private var contentStart: Int?  // just past the first `<main>` start tag
    private var contentEnd: Int?  // the last `</main>` end tag
    private var navs: [Range<Int>] = []  // outermost `nav` elements, start tag to end tag
    private var navStart = 0, navDepth = 0

    /// The main content of `html`.
    static func of(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var state = MainContent()
            HTMLTokenizer.tokenize(bytes, into: &state)
            guard let start = state.contentStart, let end = state.contentEnd, start <= end else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(end - start)
            var at = start
            for nav in state.navs where nav.lowerBound >= start && nav.upperBound <= end {
                out += UnsafeBufferPointer(rebasing: bytes[at..<nav.lowerBound])
                at = nav.upperBound
            }
            out += UnsafeBufferPointer(rebasing: bytes[at..<end])
            return String(decoding: out, as: UTF8.self)
        }
    }

    mutating func text(_ range: Range<Int>) {}

    mutating func tag(_ tag: HTMLTagToken) {
        switch tag.name {
        case .main:
            if tag.isEnd { contentEnd = tag.range.lowerBound } else if contentStart == nil { contentStart = tag.range.upperBound }
        case .nav where !tag.isEnd && !tag.selfClosing:
            if navDepth == 0 { navStart = tag.range.lowerBound }
            navDepth += 1
        case .nav where tag.isEnd && navDepth > 0:
            navDepth -= 1
            if navDepth == 0 { navs.append(navStart..<tag.range.upperBound) }
        default:
            return
        }
    }
}
