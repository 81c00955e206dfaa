import RippleCore

/// The placeholder hrefs of `GuideChapter.html` and their rewriting for one output form.
package enum GuideLinks {
    /// Placeholder scheme for a link to chapter N (1-based).
    static let chapterScheme = "ripple-chapter:"
    /// Placeholder scheme for an image, by index into the site's static files.
    static let fileScheme = "ripple-file:"

    /// How one output writes links.
    struct Style: Sendable {
        /// Chapter number and optional fragment → href.
        var chapter: @Sendable (Int, String?) -> String
        /// Static file index → href.
        var file: @Sendable (Int) -> String
        /// Prefix for every id and same-page reference in chapter `number` (print: `ch-3-`), or nil to keep ids.
        var idPrefix: String?
    }

    /// Rewrites placeholders (and, with an id prefix, every id and local reference) in a chapter's HTML.
    static func rewrite(_ html: String, style: Style) -> String {
        HTMLRewriter.rewrite(html) { rewrite($0, style: style) }
    }

    /// `rewrite(_:style:)` for one tag (`.keep` or `.rewrite`).
    static func rewrite(_ tag: HTMLRewriter.Tag, style: Style) -> HTMLRewriter.Action {
        guard !tag.isEnd, !tag.attributes.isEmpty else { return .keep }
        var tag = tag
        var changed = false
        for i in tag.attributes.indices {
            guard let value = tag.attributes[i].value else { continue }
            let name = tag.attributes[i].name
            var new = value
            if name == "href" || name == "src" || name == "xlink:href" {
                if value.hasPrefix(chapterScheme) {
                    let rest = value.dropFirst(chapterScheme.count)
                    let parts = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                    let number = Int(parts[0]) ?? 1
                    new = style.chapter(number, parts.count > 1 ? String(parts[1]) : nil)
                } else if value.hasPrefix(fileScheme), let index = Int(value.dropFirst(fileScheme.count)) {
                    new = style.file(index)
                } else if let prefix = style.idPrefix, value.hasPrefix("#") {
                    new = "#" + prefix + value.dropFirst()
                }
            } else if let prefix = style.idPrefix {
                if name == "id" { new = prefix + value }
                else if ["for", "aria-labelledby", "aria-describedby", "headers"].contains(name) {
                    new = value.split(separator: " ").map { prefix + $0 }.joined(separator: " ")
                }
            }
            if let prefix = style.idPrefix, ByteSearch.contains("url(#", in: new) { new = new.replacingAll("url(#", with: "url(#" + prefix) }
            if new != value { tag.attributes[i].value = new; changed = true }
        }
        return changed ? .rewrite(tag) : .keep
    }

    /// Removes heading anchor links (` <a class="anchor" …>#</a>`): a "#" means nothing in a book.
    static func removingHeadingAnchors(_ html: String) -> String {
        let opening = Array(" <a class=\"anchor\" href=\"".utf8), closing = Array("</a>".utf8)
        let bytes = Array(html.utf8)
        var next = ByteSearch.firstIndex(of: opening, in: bytes)
        guard next != nil else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        while let anchor = next, let end = ByteSearch.firstIndex(of: closing, in: bytes, from: anchor + opening.count) {
            out += bytes[start..<anchor]
            start = end + closing.count
            next = ByteSearch.firstIndex(of: opening, in: bytes, from: start)
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Replaces `<a href="">text</a>` (a link to a page outside the guide when the site has no base URL)
    /// by its text, so the book never holds a link that goes nowhere.
    static func unwrappingEmptyLinks(_ html: String) -> String {
        guard ByteSearch.contains("<a href=\"\"", in: html) else { return html }
        var unwrapping = false
        return HTMLRewriter.rewrite(html) { tag in
            guard tag.name == "a" else { return .keep }
            if !tag.isEnd, tag.attribute("href") == "" { unwrapping = true; return .replace("") }
            if tag.isEnd, unwrapping { unwrapping = false; return .replace("") }
            return .keep
        }
    }
}
