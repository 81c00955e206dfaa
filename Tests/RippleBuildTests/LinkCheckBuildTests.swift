import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// The link check in a real build: on the staged output, located in the template that wrote the link,
/// nothing swapped in when a link is broken; `checkLinks = false` skips it; sitemap and robots written.
@Suite struct LinkCheckBuildTests {
    private static let config = "title: T\nbase_url: https://intranet.example.com/m/\nguide:\n  pdf: never\n"

    private func failures(_ site: TestSite, checkLinks: Bool = true) -> [String] {
        var builder = SiteBuilder(source: site.root, output: site.output)
        builder.options.checkLinks = checkLinks
        do {
            _ = try builder.build()
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
    }

    private func site(footer: String) throws -> TestSite {
        try TestSite(files: [
            "ripple.yaml": Self.config,
            "content/index.md": "# Home\n\nWelcome.\n",
            "content/guide/01-start.md": "# Start\n\n## First steps\n\nText.\n",
            "templates/partials/footer.mustache": footer,
        ])
    }

    @Test func aBrokenTemplateLinkIsLocatedInTheTemplate() throws {
        let site = try site(footer: """
        <footer class="site-footer">
          <p><a href="{{root}}guide/start/index.html#first-steps">Start</a> ·
             <a href="{{root}}policies/privacy.html">Privacy</a></p>
        </footer>

        """)
        let problems = failures(site)
        #expect(problems == [
            "templates/partials/footer.mustache:3:23: error: link to 'policies/privacy.html' on '404.html': the built site has no file 'policies/privacy.html' (line 64 of the generated page); also on 3 other pages\n  hint: check the file name; links are relative to the page, like '../guide/index.html'",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing is swapped in when a link is broken")
    }

    @Test func aMissingAnchorIsAnError() throws {
        let site = try site(footer: "<footer class=\"site-footer\"><a href=\"{{root}}guide/start/index.html#last-steps\">Start</a></footer>\n")
        #expect(failures(site) == [
            "templates/partials/footer.mustache:1:46: error: link to 'guide/start/index.html#last-steps' on '404.html': 'guide/start/index.html' has no element with id 'last-steps' (line 62 of the generated page); also on 3 other pages\n  hint: link to one of the page's headings",
        ])
    }

    @Test func theCheckCanBeSkippedAndGoodSitesGetSitemapAndRobots() throws {
        let broken = try site(footer: "<footer class=\"site-footer\"><a href=\"{{root}}nope.html\">x</a></footer>\n")
        #expect(failures(broken, checkLinks: false).isEmpty)
        let good = try site(footer: "<footer class=\"site-footer\"><a href=\"{{root}}guide/start/index.html#first-steps\">Start</a></footer>\n")
        #expect(failures(good).isEmpty)
        let sitemap = try String(contentsOf: good.output.appending(path: "sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://intranet.example.com/m/guide/start/</loc>"))
        #expect(!sitemap.contains("404"))
        let robots = try String(contentsOf: good.output.appending(path: "robots.txt"), encoding: .utf8)
        #expect(robots.hasSuffix("User-agent: *\nDisallow: /\n"))
        let manifest = try String(contentsOf: good.output.appending(path: "search-index.js"), encoding: .utf8)
        #expect(manifest.hasPrefix("window.RippleSearchIndex=") && manifest.hasSuffix("\"chunks\":1};\n"))
        let index = try String(contentsOf: good.output.appending(path: "search/chunk-0.js"), encoding: .utf8)
        #expect(index.contains(#""first-steps","First steps""#))
    }
}
