import RippleCore

/// The placeholder hrefs of `GuideChapter.html` and their rewriting for one output form.
package enum GuideLinks {
    /// Placeholder scheme for a link to chapter N (1-based).
    static let chapterScheme = "ripple-chapter:"
    /// Placeholder scheme for an image, by index into the site's static files.
    static let fileScheme = "ripple-file:"

    /// How one output writes links.
    struct Style {
        /// Chapter number and optional fragment → href.
        var chapter: (Int, String?) -> String
        /// Static file index → href.
        var file: (Int) -> String
        /// Prefix for every id and same-page reference in chapter `number` (print: `ch-3-`), or nil to keep ids.
        var idPrefix: String?
    }

    /// Rewrites placeholders (and, with an id prefix, every id and local reference) in a chapter's HTML.
    static func rewrite(_ html: String, style: Style) -> String {
        HTMLRewriter.rewrite(html) { tag in
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
                if let prefix = style.idPrefix, new.contains("url(#") { new = new.replacingAll("url(#", with: "url(#" + prefix) }
                if new != value { tag.attributes[i].value = new; changed = true }
            }
            return changed ? .rewrite(tag) : .keep
        }
    }

    /// Removes heading anchor links (` <a class="anchor" …>#</a>`): a "#" means nothing in a book.
    static func removingHeadingAnchors(_ html: String) -> String {
        let opening = " <a class=\"anchor\" href=\""
        guard html.contains(opening) else { return html }
        var out = ""
        var rest = html[...]
        while let start = rest.firstRange(of: opening) {
            guard let end = rest[start.upperBound...].firstRange(of: "</a>") else { break }
            out += rest[..<start.lowerBound]
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// Replaces `<a href="">text</a>` (a link to a page outside the guide when the site has no base URL)
    /// by its text, so the book never holds a link that goes nowhere.
    static func unwrappingEmptyLinks(_ html: String) -> String {
        guard html.contains("<a href=\"\"") else { return html }
        var unwrapping = false
        return HTMLRewriter.rewrite(html) { tag in
            guard tag.name == "a" else { return .keep }
            if !tag.isEnd, tag.attribute("href") == "" { unwrapping = true; return .replace("") }
            if tag.isEnd, unwrapping { unwrapping = false; return .replace("") }
            return .keep
        }
    }
}
