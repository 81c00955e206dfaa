import RippleCore

/// `sitemap.xml` and `robots.txt` for a built site.
package enum Sitemap {
    /// The note given when no sitemap can be written.
    package static let noBaseURLNote = Diagnostic(
        .note, "no sitemap.xml was written because base_url is not set",
        at: SourceLocation(file: "ripple.yaml"),
        hint: "set base_url in ripple.yaml (or pass --base-url) to the published address, like 'https://intranet.example.com/mentoring/'")

    /// A hash of the options `files(config:pages:)` reads: with the same pages and the same key, the files are
    /// the same (incremental builds keep them instead of making them again).
    package static func optionsKey(_ config: SiteConfig) -> UInt64 {
        var hash = ContentHash()
        hash.add(config.baseURL)
        hash.add(config.noindex)
        return hash.value
    }

    /// The files to write: `robots.txt` always, `sitemap.xml` when `base_url` is set; and the note when it is not.
    ///
    /// `pages` are the output paths of the HTML pages (any order; `404.html` is left out). With `noindex`
    /// (the default for an intranet) robots.txt asks every crawler to stay away.
    package static func files(config: SiteConfig, pages: [String]) -> (files: [(path: String, text: String)], notes: [Diagnostic]) {
        var files: [(String, String)] = []
        var notes: [Diagnostic] = []
        if config.baseURL.isEmpty {
            notes.append(noBaseURLNote)
        } else {
            files.append(("sitemap.xml", xml(baseURL: config.baseURL, pages: pages)))
        }
        files.append(("robots.txt", robots(config: config)))
        return (files, notes)
    }

    /// `robots.txt`: `Disallow: /` when the site is `noindex`, else allow all and name the sitemap.
    package static func robots(config: SiteConfig) -> String {
        if config.noindex { return "# This site asks not to be indexed (site.noindex in ripple.yaml).\nUser-agent: *\nDisallow: /\n" }
        var text = "User-agent: *\nAllow: /\n"
        if !config.baseURL.isEmpty { text += "\nSitemap: \(escape(config.baseURL))sitemap.xml\n" }
        return text
    }

    /// The sitemap: one `<url><loc>` per page, folder pages written as their folder (`guide/`), sorted by URL.
    package static func xml(baseURL: String, pages: [String]) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let urls = Set(pages.filter { $0 != "404.html" && $0.hasSuffix(".html") }.map { page in
            page == "index.html" ? "" : page.hasSuffix("/index.html") ? String(page.dropLast("index.html".count)) : page
        })
        for url in urls.sorted() {
            text += "  <url><loc>\(escape(base + OutputPath.percentEncoded(url)))</loc></url>\n"
        }
        return text + "</urlset>\n"
    }

    private static func escape(_ text: String) -> String { Escape.xml(text) }
}
