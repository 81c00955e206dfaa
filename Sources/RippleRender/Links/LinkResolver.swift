import Foundation
import RippleCore
import RippleMarkdown

/// Resolves the links and images of Markdown pages: `.md` links become the target page's URL, files under
/// `content/` their copied location; links to missing pages or files are located errors.
///
/// Anchors are checked later (`AnchorCheck`), once every page's headings are known.
package struct LinkResolver: Sendable {
    /// How a link to another page is written in this output.
    package enum Style: Sendable {
        /// Relative hrefs between pages of the HTML site.
        case site
        /// Explicit mapping of page sources to hrefs (EPUB chapters); other pages go to `fallback`.
        case mapped([String: String], fallback: @Sendable (Page) -> String?)
    }

    private let pagesBySource: [String: Page]
    private let filesBySource: [String: StaticFile]
    private let style: Style

    /// Creates a resolver over a site's content.
    package init(content: SiteContent, narrativesPublished: Bool = false, style: Style = .site) {
        var pages: [String: Page] = [:]
        for page in content.allPages { pages[page.source] = page }
        if narrativesPublished { for page in content.narratives.values { pages[page.source] = page } }
        pagesBySource = pages
        filesBySource = Dictionary(content.staticFiles.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        self.style = style
    }

    /// A link whose fragment must exist on the target page.
    package struct AnchorReference: Sendable, Hashable {
        /// Source path of the page holding the anchor.
        package var target: String
        /// The anchor id.
        package var fragment: String
        /// Where the link is.
        package var location: SourceLocation

        /// Creates a reference.
        package init(target: String, fragment: String, location: SourceLocation) {
            self.target = target; self.fragment = fragment; self.location = location
        }
    }

    /// Resolves one link on `page`; anchor references found are appended to `anchors`.
    package func resolve(_ link: LinkTarget, on page: Page, anchors: inout [AnchorReference]) -> LinkRewrite {
        let destination = link.destination
        if destination.isEmpty || Self.isExternal(destination) { return .keep }
        let (rawPath, fragment) = Self.split(destination)
        let path = rawPath.utf8.contains(UInt8(ascii: "%")) ? rawPath.removingPercentEncoding ?? rawPath : rawPath
        if path.isEmpty {
            if let fragment, !fragment.isEmpty {
                anchors.append(AnchorReference(target: page.source, fragment: fragment, location: link.location))
            }
            return .keep
        }
        let sourceDir = OutputPath.directory(of: page.source)
        let joined = path.hasPrefix("/") ? "content" + path : sourceDir + "/" + path
        guard let resolved = OutputPath.normalize(joined), resolved.hasPrefix("content/") || resolved == "content" else {
            return .fail(.error("link '\(destination)' points outside the content folder", at: link.location,
                                hint: "link to pages and files inside content/"))
        }
        let suffix = fragment.map { "#\($0)" } ?? ""
        let folderIndex = resolved.hasSuffix(".md") || filesBySource[resolved] != nil ? nil : indexPage(of: resolved)
        if resolved.hasSuffix(".md") || folderIndex != nil || resolved == "content/guide" {
            guard let target = pagesBySource[folderIndex ?? resolved] ?? (resolved == "content/guide" ? Self.guideIndex : nil) else {
                return .fail(.error("link to a page that does not exist: '\(path)'", at: link.location,
                                    hint: similarPage(to: resolved, from: page).map { "did you mean '\($0)'? (links are relative to this file)" }
                                        ?? "check the file name; it should be relative to this file, like '04-launch.md' or '../pages/join.md'"))
            }
            if let fragment, !fragment.isEmpty {
                anchors.append(AnchorReference(target: target.source, fragment: fragment, location: link.location))
            }
            switch style {
            case .site:
                return .replace(OutputPath.relativeHref(from: page.outputPath, to: target.outputPath) + suffix)
            case let .mapped(map, fallback):
                if let href = map[target.source] { return .replace(href + suffix) }
                return fallback(target).map { .replace($0 + suffix) } ?? .replace("")
            }
        }
        guard let file = filesBySource[resolved] else {
            if !link.isImage, path.hasSuffix("/") || !(resolved.split(separator: "/").last ?? "").contains(".") {
                return .fail(.error("link to a page that does not exist: '\(path)'", at: link.location,
                                    hint: similarPage(to: resolved + ".md", from: page).map { "did you mean '\($0)'? (links are relative to this file)" }
                                        ?? "link a page's .md file, or put an _index.md, index.md or README.md in the folder"))
            }
            let what = link.isImage ? "an image" : "a file"
            return .fail(.error("\(what) that does not exist: '\(path)'", at: link.location,
                                hint: "put the file under content/ and link it relative to this page, like 'images/photo.png'"))
        }
        switch style {
        case .site: return .replace(OutputPath.relativeHref(from: page.outputPath, to: file.outputPath) + suffix)
        case let .mapped(map, _): return .replace((map[file.source] ?? file.outputPath) + suffix)
        }
    }

    /// The guide index Ripple writes when there is no `content/guide/_index.md`.
    private static let guideIndex = Page(kind: .guideIndex, source: "content/guide/_index.md", slug: "", body: "",
                                         outputPath: "guide/index.html")

    /// The page that stands for a folder (`../setup/`): its `_index.md`, `index.md` or `README.md`.
    private func indexPage(of folder: String) -> String? {
        ["_index.md", "index.md", "README.md"].map { folder + "/" + $0 }.first { pagesBySource[$0] != nil }
    }

    /// A page with the file name `missing` asked for, up to a number prefix (`03-setup.md` renamed
    /// `04-setup.md`, or moved to another folder), as a path relative to `page`; nil when none or several.
    private func similarPage(to missing: String, from page: Page) -> String? {
        func name(_ path: String) -> Substring {
            let last = path.split(separator: "/").last ?? ""
            let digits = last.prefix { $0.isASCII && $0.isNumber }
            let rest = last.dropFirst(digits.count)
            return !digits.isEmpty && (rest.hasPrefix("-") || rest.hasPrefix("_")) ? rest.dropFirst() : last
        }
        let wanted = name(missing)
        let matches = pagesBySource.keys.filter { $0.hasSuffix(".md") && name($0) == wanted }
        guard matches.count == 1 else { return nil }
        return OutputPath.relativeHref(from: page.source, to: matches[0])
    }

    /// Whether a destination leaves the site (`https:`, `mailto:`, `//host`).
    static func isExternal(_ destination: String) -> Bool {
        if destination.utf8.starts(with: "//".utf8) { return true }
        let utf8 = destination.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = destination[..<colon]
        guard !scheme.isEmpty else { return false }
        // Most schemes are ASCII (`https`, `mailto`); others keep the Unicode rule.
        if scheme.utf8.allSatisfy({ $0 < 0x80 }) {
            return scheme.utf8.allSatisfy { byte in
                let lower = byte | 0x20
                return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
        }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.utf8.index(after: hash)...]))
    }
}
