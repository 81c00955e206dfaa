import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// The standalone report's images: nothing on another site is requested (an image there becomes a link, with a
/// located note), and a local SVG is inlined as a `data:` URL of its own media type.
@Suite struct StandaloneReportImageTests {
    static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>"#

    func site() throws -> TestSite {
        let site = try TestSite(fixture: ReportTests.fixture)
        let narrative = try String(contentsOf: site.root.appending(path: "content/reports/2026-Q2.md"), encoding: .utf8)
        try site.write("content/reports/2026-Q2.md", narrative + "\n![Pixel](http://tracker.example/p.png)\n\n![Chart](chart.svg)\n")
        try site.write("content/reports/chart.svg", Self.svg)
        return site
    }

    @Test func aRemoteImageBecomesALinkWithALocatedNote() throws {
        let site = try site()
        let (bytes, diagnostics) = try StandaloneReport(source: site.root, quarter: "2026-Q2").make()
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(html.contains(#"<a class="remote-image" href="http://tracker.example/p.png">Image: Pixel</a>"#))
        #expect(!html.contains("tracker.example/p.png\" alt"))
        #expect(ReportTests.matches(#"<img[^>]*src="([^"]*)""#, in: html).allSatisfy { $0.hasPrefix("data:") })
        #expect(diagnostics.map(\.description) == [
            "content/reports/2026-Q2.md:12:1: note: this image is on another site, so the report links to it instead of showing it "
                + "(the report makes no request outside its file)\n"
                + "  hint: to show it in the report, save the image under content/ and link that file",
        ])
    }

    @Test func aLocalSVGIsInlinedWithItsMediaType() throws {
        let site = try site()
        let (bytes, _) = try StandaloneReport(source: site.root, quarter: "2026-Q2").make()
        let html = String(decoding: bytes, as: UTF8.self)
        let encoded = Data(Self.svg.utf8).base64EncodedString()
        #expect(html.contains(#"<img src="data:image/svg+xml;base64,\#(encoded)" alt="Chart""#))
    }
}
