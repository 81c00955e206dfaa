import RippleCore
import RippleMarkdown

/// Turns an existing book (an mdBook, a Hugo docs section, a folder of Markdown) into a Ripple site: chapters
/// under `content/guide/` in the book's order, numbered file names, a chapter with sub-chapters (or an mdBook
/// part) as a part folder with its `_index.md`; mdBook includes expanded; links between chapters rewritten to
/// the new files (`.html` links to `.md`); the images and files they link copied; `ripple.yaml` with the
/// title, the author and GitHub heading ids, so existing deep links keep working.
///
/// Pure: it gets the book's files and returns the site's.
package struct BookImporter {
    /// The book's files by path relative to its folder.
    private let files: [String: [UInt8]]
    private var notes: [String] = []
    /// New site path of each chapter, by book path.
    private var chapterPaths: [String: String] = [:]
    /// Book paths of files links point at, to copy.
    private var linkedFiles: Set<String> = []
    private var usedSlugs: Set<String> = []
    /// Whether this is an mdBook (which shows `:x:` as written), not a Hugo or plain folder.
    private var isMdBook = false
    /// The table of contents' path, to locate notes about its entries.
    private var summaryPath = "SUMMARY.md"

    /// Creates an importer over a book's files (paths relative to its folder).
    package init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// Imports an mdBook: `book.toml` for the title, author and source folder, `SUMMARY.md` for the order.
    package static func mdBook(_ files: [String: [UInt8]]) throws(DiagnosticError) -> ImportedSite {
        var importer = BookImporter(files: files)
        let config = files["book.toml"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        let book = MdBookConfig(toml: config)
        let summaryPath = book.source + "/SUMMARY.md"
        guard let summary = importer.text(summaryPath) else {
            throw DiagnosticError(.error("'\(summaryPath)' does not exist, so this is not an mdBook",
                                         hint: "give the folder that holds book.toml; or import it with `ripple import folder`"))
        }
        importer.summaryPath = summaryPath
        importer.isMdBook = true
        var outline = BookOutline(summary: summary)
        outline.entries = outline.entries.map { entry in
            var entry = entry
            entry.path = entry.path.map { book.source + "/" + $0 }
            return entry
        }
        return importer.make(outline, title: book.title ?? "Guide", author: book.authors, assetRoot: book.source)
    }

    /// Imports a folder of Markdown (a Hugo content section, a wiki): files in name order, each subfolder a
    /// part opened by its `_index.md`, `index.md` or `README.md`.
    package static func folder(_ files: [String: [UInt8]], title: String) -> ImportedSite {
        var importer = BookImporter(files: files)
        return importer.make(FolderOutline.outline(of: files, read: { importer.text($0) }), title: title, author: "", assetRoot: "")
    }

    private func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func make(_ outline: BookOutline, title: String, author: String, assetRoot: String) -> ImportedSite {
        let layout = layOut(outline)
        for (entry, path) in layout where entry.path != nil { chapterPaths[entry.path!] = path }
        var out: [(String, [UInt8])] = []
        let markdownFiles = Set(files.keys.filter { $0.hasSuffix(".md") })
        for (entry, path) in layout {
            var body: String
            if let source = entry.path {
                guard let original = text(source) else {
                    notes.append("\(source): listed in the table of contents but missing, so '\(entry.title)' is empty")
                    out.append((path, Array(Self.frontMatter(title: entry.title).utf8)))
                    continue
                }
                let files = self.files
                body = MdBookInclude.expand(original, path: source, read: { files[$0].map { String(decoding: $0, as: UTF8.self) } },
                                            notes: &notes)
                body = HugoRef.rewrite(body, in: source, pages: markdownFiles, notes: &notes)
                body = HugoShortcodes.rewrite(body, in: source, notes: &notes)
                if !isMdBook { body = HugoEmoji.rewrite(body) }
                body = relink(body, in: source, to: path, assetRoot: assetRoot)
            } else {
                body = ""
            }
            let hasFrontMatter = body.hasPrefix("---\n") || body.hasPrefix("+++\n")
            if hasFrontMatter, let source = entry.path,
               let line = body.split(separator: "\n", maxSplits: 40).firstIndex(where: { $0.hasPrefix("aliases") }) {
                notes.append("\(source):\(line + 1): Hugo 'aliases' (old addresses) get no redirect pages; the key is kept as a page parameter")
            }
            out.append((path, Array(((hasFrontMatter ? "" : Self.frontMatter(label: entry.title, body: body)) + body).utf8)))
        }
        for file in linkedFiles.sorted() {
            out.append((Self.assetPath(file, root: assetRoot), files[file]!))
        }
        let first = layout.first.map { "\nStart with [\(Self.escapedLinkText(layout[0].0.title))](\(String($0.1.dropFirst("content/".count))))." } ?? ""
        out.append(("content/index.md", Array((Self.frontMatter(title: title) + first + "\n").utf8)))
        out.append(("ripple.yaml", Array(Self.config(title: title, author: author).utf8)))
        return ImportedSite(files: out.sorted { $0.0 < $1.0 }, notes: notes)
    }

    /// Where each entry goes: `content/guide/NN-slug.md`, or `content/guide/NN-slug/_index.md` for a part or a
    /// chapter with sub-chapters, whose sub-chapters go to `content/guide/NN-slug/MM-slug.md`.
    private mutating func layOut(_ outline: BookOutline) -> [(BookOutline.Entry, String)] {
        var result: [(BookOutline.Entry, String)] = []
        var top = 0, sub = 0
        var folder: String?
        var flattened = 0
        let entries = outline.entries
        for (i, entry) in entries.enumerated() {
            if entry.path == nil && !entry.isPartTitle {
                notes.append((entry.line > 0 ? "\(summaryPath):\(entry.line):\(entry.column): " : "")
                             + "'\(entry.title)' is a draft in the table of contents (no file), so it was left out")
                continue
            }
            let hasChildren = i + 1 < entries.count && entries[i + 1].level > entry.level
            if entry.level == 0 {
                top += 1
                sub = 0
                let name = Self.numbered(top, slug(for: entry))
                if entry.isPartTitle || hasChildren {
                    folder = "content/guide/" + name
                    result.append((entry, folder! + "/_index.md"))
                } else {
                    folder = nil
                    result.append((entry, "content/guide/" + name + ".md"))
                }
                continue
            }
            if entry.level > 1 { flattened += 1 }
            guard let folder else {
                top += 1
                result.append((entry, "content/guide/" + Self.numbered(top, slug(for: entry)) + ".md"))
                continue
            }
            sub += 1
            result.append((entry, folder + "/" + Self.numbered(sub, slug(for: entry)) + ".md"))
        }
        if flattened > 0 {
            notes.append("\(flattened) chapters nested more than two levels deep were put at the second level (Ripple shows parts and their chapters)")
        }
        return result
    }

    /// A slug from the title, unique in the guide (chapter URLs are `guide/<slug>/`).
    private mutating func slug(for entry: BookOutline.Entry) -> String {
        let base = String(HeadingSlugger.slug(entry.title).prefix(48))
        var slug = base, k = 2
        while usedSlugs.contains(slug) { slug = "\(base)-\(k)"; k += 1 }
        usedSlugs.insert(slug)
        return slug
    }

    private static func numbered(_ n: Int, _ slug: String) -> String {
        (n < 10 ? "0\(n)" : String(n)) + "-" + slug
    }

    /// Where a linked file goes: under content/guide/ at its place in the book's source folder (files outside it
    /// under content/guide/_book/).
    private static func assetPath(_ file: String, root: String) -> String {
        if root.isEmpty { return "content/guide/" + file }
        if file.hasPrefix(root + "/") { return "content/guide/" + file.dropFirst(root.count + 1) }
        return "content/guide/_book/" + file
    }

    /// Links and images of a chapter pointed at their new places (see `ImportLinks`).
    private mutating func relink(_ body: String, in source: String, to path: String, assetRoot: String) -> String {
        ImportLinks.rewrite(body) { target in
            let (pathPart, fragment) = ImportLinks.split(target)
            guard !ImportPaths.isExternalOrLocal(target), !pathPart.isEmpty,
                  var resolved = ImportPaths.resolve(pathPart.removingPercentEncodingSimply, relativeTo: source) else { return nil }
            if resolved.hasSuffix(".html") { resolved = String(resolved.dropLast(5)) + ".md" }
            if chapterPaths[resolved] == nil, let index = ["index.md", "README.md", "_index.md"]
                .map({ (resolved.hasSuffix("/") || resolved.isEmpty ? resolved : resolved + "/") + $0 })
                .first(where: { chapterPaths[$0] != nil }) { resolved = index }
            if let chapter = chapterPaths[resolved] {
                // The chapter's opening heading becomes its page title, which has no anchor: such a link goes to the page.
                let kept = fragment.flatMap { $0 == titleAnchor(of: resolved) ? nil : $0 }
                return OutputPath.relativeHref(from: path, to: chapter) + (kept.map { "#" + $0 } ?? "")
            }
            guard files[resolved] != nil, !resolved.hasSuffix(".md") else {
                // Ripple refuses a link to a missing page; the text stays, as a link to nowhere.
                notes.append("\(source): the link '\(target)' leads to nothing in the book, so only its text was kept")
                return ""
            }
            linkedFiles.insert(resolved)
            return OutputPath.relativeHref(from: path, to: Self.assetPath(resolved, root: assetRoot)) + (fragment.map { "#" + $0 } ?? "")
        }
    }

    /// The GitHub id of the heading that opens the book file `source` (its `{#id}` when it has one), which Ripple
    /// makes the page title.
    private func titleAnchor(of source: String) -> String? {
        guard var heading = text(source).flatMap(Self.openingHeading) else { return nil }
        if heading.hasSuffix("}"), let open = heading.ranges(of: "{#").last {
            return String(heading[open.upperBound..<heading.index(before: heading.endIndex)])
        }
        heading = heading.replacing("`", with: "").replacing("*", with: "")
        return HeadingSlugger.githubSlug(heading)
    }

    /// The text of the heading that opens a chapter (after blank lines, comments, anchors and mdBook directives),
    /// as Ripple takes it for the page title; nil when the chapter opens with anything else.
    private static func openingHeading(of text: String) -> String? {
        var inComment = false
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if inComment || trimmed.hasPrefix("<!--") { inComment = !trimmed.contains("-->"); continue }
            if trimmed.isEmpty || trimmed.hasPrefix("<a ") || trimmed.hasPrefix("{{#") { continue }
            guard trimmed.hasPrefix("#") else { return nil }
            return trimmed.drop { $0 == "#" }.trimmingSpaces
        }
        return nil
    }

    /// A chapter's front matter: its table-of-contents label is its title, or, when the chapter opens with a
    /// heading of its own (which Ripple shows as the title, as mdBook does), its sidebar label (`linkTitle`).
    private static func frontMatter(label: String, body: String) -> String {
        guard let heading = openingHeading(of: body) else { return frontMatter(title: label) }
        var plain = heading
        if plain.hasSuffix("}"), let open = plain.ranges(of: "{#").last { plain = plain[..<open.lowerBound].trimmingSpaces }
        return plain == label ? "" : "---\nlinkTitle: \(yamlString(label))\n---\n"
    }

    private static func frontMatter(title: String) -> String {
        "---\ntitle: \(yamlString(title))\n---\n"
    }

    private static func config(title: String, author: String) -> String {
        """
        # Made by `ripple import`; see the README for every setting.
        title: \(yamlString(title))
        guide:
          title: \(yamlString(title))
          author: \(yamlString(author))
        markdown:
          heading_ids: github             # ids as GitHub and mdBook make them, so existing deep links keep working

        """
    }

    static func yamlString(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    private static func escapedLinkText(_ text: String) -> String {
        text.replacing("[", with: "\\[").replacing("]", with: "\\]")
    }
}

private extension String {
    /// `%20` and other escapes decoded (file names with spaces); the text as it is when one is malformed.
    var removingPercentEncodingSimply: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "%"), let h = utf8.index(i, offsetBy: 2, limitedBy: utf8.endIndex), h < utf8.endIndex,
               let value = UInt8(String(self[utf8.index(after: i)...h]), radix: 16) {
                bytes.append(value)
                i = utf8.index(after: h)
            } else {
                bytes.append(b)
                i = utf8.index(after: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
