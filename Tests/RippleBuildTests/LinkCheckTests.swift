import Foundation
import Testing
@testable import RippleBuild
import RippleCore
import RippleRender

@Suite struct LinkCheckTests {
    private func page(_ html: String) -> LinkScanner.Page { LinkScanner.scanHTML(Array(html.utf8)) }

    @Test func scannerFindsIdsLinksLinesAndText() {
        let scanned = page("""
        <!doctype html><html><head><link rel="stylesheet" href="assets/a.css"><style>
        body { background: url("img/bg.png"); }</style></head>
        <body><a id="top" href="guide/index.html?x=1#intro">The <em>guide</em></a>
        <img src="img/a.png" srcset="img/a.png 1x, img/a@2x.png 2x" alt=""><!-- <a href="nope.html"> -->
        <script>var s = "<a href='ignored.html'>";</script><p style="background-image:url(img/p.png)" id="p&amp;1">x</p>
        <a name="legacy" href="mailto:x@example.com">mail</a></body></html>
        """)
        #expect(scanned.ids == ["top", "p&1", "legacy"])
        #expect(scanned.links.map(\.url) == [
            "assets/a.css", "img/bg.png", "guide/index.html?x=1#intro", "img/a.png", "img/a.png", "img/a@2x.png",
            "img/p.png", "mailto:x@example.com",
        ])
        #expect(scanned.links.map(\.line) == [1, 2, 3, 4, 4, 4, 5, 6])
        #expect(scanned.links[2].text == "The guide")
    }

    @Test(arguments: [
        ("page.html", LinkChecker.Kind.internal), ("../a/b.html#x", .internal), ("#top", .internal),
        ("", .ignored), ("   ", .ignored), ("  //cdn.example.com/a.js", .external), ("//x", .external),
        ("https://example.com", .external), ("HTTP://EXAMPLE.COM", .external), ("hTtPs:x", .external),
        ("mailto:a@b.c", .ignored), ("tel:+123", .ignored), ("c++.x-1:y", .ignored), ("javascript:void(0)", .ignored),
        ("1abc:x", .internal), (":x", .internal), ("foo/bar:baz", .internal), ("é:x", .internal), ("httpx", .internal),
        ("https", .internal), (" mailto:x", .ignored),
    ])
    func linksAreClassifiedByScheme(url: String, kind: LinkChecker.Kind) {
        #expect(LinkChecker.classify(url) == kind)
    }

    @Test func cssURLsAndImports() {
        let links = LinkScanner.cssURLs(Array("""
        @import "base.css";
        /* url(commented.png) */
        .a { background: url( 'img/x.svg' ) } .b::before { content: "url(no)"; }
        .c { mask: URL(img/y.svg#frag); }
        """.utf8))
        #expect(links.map(\.url) == ["base.css", "img/x.svg", "img/y.svg#frag"])
        #expect(links.map(\.line) == [1, 3, 4])
    }

    private let site: [String: String] = [
        "index.html": ##"<a href="guide/index.html#chapters">Guide</a> <a href="https://example.org/x">Out</a> <a href="#top">Top</a>"##,
        "guide/index.html": #"<h2 id="chapters">Chapters</h2><a href="../index.html">Home</a><a href="a/index.html#missing">A</a>"#,
        "guide/a/index.html": #"<h2 id="missing-part">Part</h2><img src="../../img/none.png" alt=""><a href="../">Up</a><a href="/guide/index.html">Abs</a><a href="../../../x.html">Out</a>"#,
        "img/ok.png": "",
    ]

    private func checked() -> (broken: [LinkChecker.BrokenLink], external: [LinkChecker.ExternalLink]) {
        var pages: [String: LinkScanner.Page] = [:]
        for (path, html) in site where path.hasSuffix(".html") { pages[path] = page(html) }
        return LinkChecker(files: Set(site.keys), pages: pages).check()
    }

    @Test func checkerReportsEachKindOfBrokenLink() {
        let (broken, external) = checked()
        #expect(broken.map(\.problem) == [
            "link to '../../img/none.png' on 'guide/a/index.html': the built site has no file 'img/none.png'",
            "link to '../' on 'guide/a/index.html' points to a folder",
            "link to '/guide/index.html' on 'guide/a/index.html' starts with '/'",
            "link to '../../../x.html' on 'guide/a/index.html' leads outside the site",
            "link to 'a/index.html#missing' on 'guide/index.html': 'guide/a/index.html' has no element with id 'missing'",
        ])
        #expect(broken.map(\.hint) == [
            "check the file name; links are relative to the page, like '../guide/index.html'",
            "link to '../index.html' so that the page also opens from disk",
            "use a relative link such as '../index.html'; links from the server root break when the site is opened from disk or published in a sub-folder",
            "link to a page or file inside the site",
            "did you mean '#missing-part'? link to one of the page's headings",
        ])
        #expect(external == [LinkChecker.ExternalLink(url: "https://example.org/x", pages: ["index.html"])])
    }

    @Test func locatorFindsTheTemplateLineAndGroupsRepeats() {
        let locator = LinkLocator(
            origins: ["guide/a/index.html": "content/guide/a.md"],
            sources: [LinkLocator.Text(path: "content/guide/a.md", text: "# A\n\nSee [up](../)\n")],
            templates: [LinkLocator.Text(path: "templates/partials/header.mustache",
                                         text: "<header>\n  <img src=\"{{root}}img/none.png\" alt=\"\">\n</header>")])
        let broken = [
            LinkChecker.BrokenLink(file: "guide/a/index.html", line: 3, url: "../../img/none.png", text: "",
                                   target: "img/none.png", reason: ": the built site has no file 'img/none.png'",
                                   hint: "check the file name"),
            LinkChecker.BrokenLink(file: "index.html", line: 3, url: "img/none.png", text: "",
                                   target: "img/none.png", reason: ": the built site has no file 'img/none.png'",
                                   hint: "check the file name"),
            LinkChecker.BrokenLink(file: "guide/a/index.html", line: 9, url: "../", text: "up", target: "guide",
                                   reason: " points to a folder", hint: "link to '../index.html'"),
        ]
        let diagnostics = SiteLinkCheck.diagnostics(broken, locator: locator).map(\.description)
        #expect(diagnostics == [
            "content/guide/a.md:3:10: error: link to '../' on 'guide/a/index.html' points to a folder (line 9 of the generated page)\n  hint: link to '../index.html'",
            "templates/partials/header.mustache:2:21: error: link to '../../img/none.png' on 'guide/a/index.html': the built site has no file 'img/none.png' (line 3 of the generated page); also on 1 other page\n  hint: check the file name",
        ])
    }

    @Test func linksFromTemplateValuesAreGroupedByTarget() {
        let locator = LinkLocator(origins: [:], sources: [], templates: [
            LinkLocator.Text(path: "templates/partials/header.mustache", text: "<a href=\"{{url}}\">{{title}}</a>"),
        ])
        let broken = ["index.html", "guide/index.html", "faq/index.html", "join/index.html"].map { page in
            LinkChecker.BrokenLink(file: page, line: 32, url: OutputPath.relativeHref(from: page, to: "dashboards/index.html"),
                                   text: "Dashboards", target: "dashboards/index.html",
                                   reason: ": the built site has no file 'dashboards/index.html'", hint: "check the file name")
        }
        let diagnostics = SiteLinkCheck.diagnostics(broken, locator: locator).map(\.description)
        #expect(diagnostics == [
            "error: link to '../dashboards/index.html' on 4 pages ('faq/index.html', 'guide/index.html', 'index.html', …): the built site has no file 'dashboards/index.html'\n  hint: check the file name; the link is not written in any page or template as such, so it comes from a template value (like {{url}}) or from Ripple itself",
        ])
    }

    @Test func sitemapAndRobots() {
        var config = SiteConfig()
        config.baseURL = "https://intranet.example.com/mentoring/"
        let (files, notes) = Sitemap.files(config: config, pages: ["guide/index.html", "index.html", "404.html", "guide/a b/index.html"])
        #expect(notes.isEmpty)
        #expect(files.map(\.path) == ["sitemap.xml", "robots.txt"])
        #expect(files[0].text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://intranet.example.com/mentoring/</loc></url>
          <url><loc>https://intranet.example.com/mentoring/guide/</loc></url>
          <url><loc>https://intranet.example.com/mentoring/guide/a%20b/</loc></url>
        </urlset>

        """)
        #expect(files[1].text == "# This site asks not to be indexed (site.noindex in ripple.yaml).\nUser-agent: *\nDisallow: /\n")
        config.noindex = false
        #expect(Sitemap.robots(config: config) == "User-agent: *\nAllow: /\n\nSitemap: https://intranet.example.com/mentoring/sitemap.xml\n")
        config.baseURL = ""
        let (withoutBase, note) = Sitemap.files(config: config, pages: ["index.html"])
        #expect(withoutBase.map(\.path) == ["robots.txt"])
        #expect(note.map(\.description) == [
            "ripple.yaml: note: no sitemap.xml was written because base_url is not set\n  hint: set base_url in ripple.yaml (or pass --base-url) to the published address, like 'https://intranet.example.com/mentoring/'",
        ])
    }
}
