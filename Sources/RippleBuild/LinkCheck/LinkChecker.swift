import RippleCore
import RippleRender

/// Checks the links of a generated site: every internal URL must name a file of the site, every `#fragment`
/// an id on the target page. Pure: it works on what `LinkScanner` found; `SiteLinkCheck` does the reading.
package struct LinkChecker: Sendable {
    /// Every file of the site, by path relative to the output folder.
    package var files: Set<String>
    /// The scanned HTML pages, by output path.
    package var pages: [String: LinkScanner.Page]
    /// The URLs of each stylesheet, by output path.
    package var stylesheets: [String: [LinkScanner.Link]]

    /// Creates a checker.
    package init(files: Set<String>, pages: [String: LinkScanner.Page], stylesheets: [String: [LinkScanner.Link]] = [:]) {
        self.files = files
        self.pages = pages
        self.stylesheets = stylesheets
    }

    /// A link that does not work.
    package struct BrokenLink: Sendable, Hashable {
        /// The generated file holding it.
        package var file: String
        /// Its line there.
        package var line: Int
        /// The URL as written.
        package var url: String
        /// The link's text (`<a>` only).
        package var text: String
        /// The site path (and `#fragment`) the link resolves to, or the URL when it cannot be resolved.
        package var target: String
        /// What is wrong, completing "link to '<url>' on '<file>'" (`: the built site has no file 'x'`).
        package var reason: String
        /// What is wrong, in one sentence.
        package var problem: String { "link to '\(url)' on '\(file)'\(reason)" }
        /// What to do.
        package var hint: String
    }

    /// A link to another site: listed, never fetched.
    package struct ExternalLink: Sendable, Hashable {
        /// The URL.
        package var url: String
        /// The pages that link to it, sorted.
        package var pages: [String]
    }

    /// Every broken link, by file then line, and every external link, by URL. `ids` gives the ids of pages
    /// that links may point into; by default those of `pages`.
    package func check(ids: (@Sendable (String) -> Set<String>?)? = nil) -> (broken: [BrokenLink], external: [ExternalLink]) {
        let pages = self.pages, files = self.files
        let ids = ids ?? { pages[$0]?.ids }
        let sources = (pages.compactMap { $0.value.links.isEmpty ? nil : ($0.key, $0.value.links) } + stylesheets.map { ($0.key, $0.value) })
            .sorted { $0.0 < $1.0 }
        // Checked on every core, in runs of files kept in order (a cold `--incremental` build checks all 10,000
        // pages of a large guide: over a second on one core).
        let runs = stride(from: 0, to: sources.count, by: 256).map { $0..<min($0 + 256, sources.count) }
        let checked = runs.parallelMap { run -> (broken: [BrokenLink], external: [(url: String, file: String)]) in
            var broken: [BrokenLink] = []
            var external: [(url: String, file: String)] = []
            var verdicts = VerdictMemo()
            for (file, links) in sources[run] {
                let folder = OutputPath.directory(of: file)
                for link in links {
                    switch Self.classify(link.url) {
                    case .ignored: continue
                    case .external: external.append((link.url, file))
                    case .internal:
                        guard let (target, problem, hint) = verdicts.verdict(link.url, folder: folder, check: {
                            Self.problem(with: link.url, in: file, files: files, ids: ids)
                        }) else { continue }
                        broken.append(BrokenLink(file: file, line: link.line, url: link.url, text: link.text,
                                                 target: target, reason: problem, hint: hint))
                    }
                }
            }
            return (broken, external)
        }
        var external: [String: Set<String>] = [:]
        for part in checked { for (url, file) in part.external { external[url, default: []].insert(file) } }
        return (checked.flatMap(\.broken), external.keys.sorted().map { ExternalLink(url: $0, pages: external[$0]!.sorted()) })
    }

    /// What `problem(with:in:files:ids:)` says of a link: nil when it works.
    typealias Verdict = (target: String, problem: String, hint: String)?

    /// Verdicts remembered by the folder of their page and the URL: the navigation of a large guide repeats the
    /// same links on every page. A URL with no path (`#id`, `?q`) points into its own page and is not remembered.
    private struct VerdictMemo {
        private var known: [String: Verdict] = [:]

        mutating func verdict(_ url: String, folder: String, check: () -> Verdict) -> Verdict {
            guard let first = url.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "?") else { return check() }
            let key = folder + "\u{0}" + url
            if let verdict = known[key] { return verdict }
            let verdict = check()
            known[key] = .some(verdict)
            return verdict
        }
    }

    /// What a URL is to the check.
    enum Kind { case ignored, external, `internal` }

    /// Whether `url` is checked (internal), listed (external) or left alone (`mailto:`, empty, …).
    /// In bytes: it runs for every link of every page, and `Character` tests (Unicode properties) showed there.
    static func classify(_ url: String) -> Kind {
        let utf8 = url.utf8.drop { $0 == UInt8(ascii: " ") }
        guard let first = utf8.first else { return .ignored }
        if utf8.starts(with: "//".utf8) { return .external }
        // A scheme: an ASCII letter, then letters, digits, '+', '.' or '-', up to the first ':'.
        guard Self.isASCIILetter(first) else { return .internal }
        var end = utf8.index(after: utf8.startIndex)
        while end < utf8.endIndex, Self.isSchemeByte(utf8[end]) { end = utf8.index(after: end) }
        guard end < utf8.endIndex, utf8[end] == UInt8(ascii: ":") else { return .internal }
        let scheme = utf8[..<end]
        let isWeb = scheme.elementsEqual("http".utf8, by: { $0 | 0x20 == $1 })
            || scheme.elementsEqual("https".utf8, by: { $0 | 0x20 == $1 })
        return isWeb ? .external : .ignored  // mailto:, tel:, data:, javascript:
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte &- UInt8(ascii: "0")) < 10
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// What is wrong with an internal URL on `file`, or nil when it works; `ids` gives the ids of an HTML page
    /// of the site (nil for other files).
    static func problem(with url: String, in file: String, files: Set<String>,
                        ids: (String) -> Set<String>?) -> Verdict {
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let rawPath = String(rest)
        let path = rawPath.removingPercentEncodingSafely
        let shown = ""
        if path.hasPrefix("/") {
            return (url, "\(shown) starts with '/'",
                    "use a relative link such as '\(OutputPath.relativeHref(from: file, to: String(path.drop { $0 == "/" })))'; links from the server root break when the site is opened from disk or published in a sub-folder")
        }
        var target = file
        if !path.isEmpty {
            guard let resolved = OutputPath.normalize(OutputPath.directory(of: file) + "/" + path), !resolved.isEmpty else {
                return (url, "\(shown) leads outside the site", "link to a page or file inside the site")
            }
            target = resolved
            if !files.contains(resolved) {
                if files.contains(resolved + "/index.html") {
                    let href = rawPath.hasSuffix("/") ? rawPath + "index.html" : rawPath + "/index.html"
                    return (resolved, "\(shown) points to a folder", "link to '\(href)' so that the page also opens from disk")
                }
                return (resolved, "\(shown): the built site has no file '\(resolved)'",
                        "check the file name; links are relative to the page, like '../guide/index.html'")
            }
        }
        guard let fragment = fragment.map({ $0.removingPercentEncodingSafely }), !fragment.isEmpty, fragment != "top" else { return nil }
        guard let pageIDs = ids(target) else { return nil }  // fragments of non-HTML files are not checked
        if pageIDs.contains(fragment) { return nil }
        var hint = "link to one of the page's headings"
        if let near = pageIDs.sorted().first(where: { $0.hasPrefix(fragment) || fragment.hasPrefix($0) }) {
            hint = "did you mean '#\(near)'? " + hint
        }
        return (target + "#" + fragment, "\(shown): '\(target)' has no element with id '\(fragment)'", hint)
    }
}

extension String {
    /// Percent-decoded, or unchanged when the escapes are invalid.
    fileprivate var removingPercentEncodingSafely: String {
        guard ByteSearch.contains("%", in: self) else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
