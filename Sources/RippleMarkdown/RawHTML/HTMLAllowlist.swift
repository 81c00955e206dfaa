/// The raw HTML a page may hold when `unsafe_html` is off: the elements and attributes that format text and
/// cannot run code, load anything but images, or break out of the page.
enum HTMLAllowlist {
    /// Elements kept, with their attributes.
    static let elements: Set<String> = [
        "details", "summary", "kbd", "sub", "sup", "br", "mark", "abbr", "figure", "figcaption", "img", "a",
        "span", "div", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
        // Text formatting that Markdown itself writes, so authors may write it too.
        "p", "em", "strong", "b", "i", "u", "s", "del", "ins", "small", "code", "pre", "q", "cite", "dfn", "var",
        "samp", "wbr", "hr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    /// Elements that never have content (written `<br />`).
    static let void: Set<String> = ["br", "col", "hr", "img", "wbr"]

    /// Elements removed together with everything inside them: their content is not text a reader should see.
    static let removedWithContent: Set<String> = ["script", "style", "iframe", "textarea", "title", "xmp", "noembed",
                                                  "noframes", "svg", "math", "object", "template", "select", "noscript"]

    /// Attributes every kept element may have.
    static let global: Set<String> = ["id", "class", "title", "lang", "dir"]

    /// Attributes particular elements may have besides the global ones.
    static let attributes: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height"], "details": ["open"], "ol": ["start", "reversed"],
        "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan", "scope"], "col": ["span"], "colgroup": ["span"],
    ]

    /// Whether `element` may have `attribute`.
    static func allows(_ attribute: String, on element: String) -> Bool {
        global.contains(attribute) || attributes[element]?.contains(attribute) == true
    }
}
