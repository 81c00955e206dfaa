import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// The repository's sample site ("The Ripple Effect" and its sample program) builds cleanly, with every
/// internal link and anchor resolving: the build's own link check runs on the whole output.
@Suite struct SampleSiteTests {
    @Test func sampleSiteBuildsWithEveryLinkResolving() throws {
        let output = FileManager.default.temporaryDirectory.appending(path: "ripple-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var builder = SiteBuilder(source: TestSite.repository, output: output)
        builder.options.checkLinks = true
        let report = try builder.build()
        #expect(!report.diagnostics.hasErrors)
        #expect(report.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(report.diagnostics)")
        let files = TestSite.files(under: output)
        for page in ["index.html", "guide/index.html", "guide/skills-for-mentors-and-mentees/index.html", "join/index.html",
                     "dashboards/index.html", "dashboards/network/index.html", "reports/index.html",
                     "reports/2026-Q3/index.html", "data/metrics.json", "search-index.js", "search/chunk-0.js", "404.html"] {
            #expect(files[page] != nil, "missing \(page)")
        }
        #expect(files.keys.filter { $0.hasPrefix("guide/") && $0.hasSuffix("/index.html") }.count == 11)
        let chunks = files.keys.filter { $0.hasPrefix("search/chunk-") }.sorted()
        #expect(String(decoding: files["search-index.js"] ?? Data(), as: UTF8.self).hasSuffix("\"chunks\":\(chunks.count)};\n"))
        let index = chunks.map { String(decoding: files[$0] ?? Data(), as: UTF8.self) }.joined()
        #expect(index.contains("reports/2026-Q3/index.html"), "the quarterly reports are searchable")
        for dashboard in ["dashboards/index.html", "dashboards/cohorts/index.html", "dashboards/network/index.html",
                          "dashboards/reciprocal/index.html", "dashboards/training/index.html"] {
            #expect(index.contains("\"\(dashboard)\""), "the dashboard \(dashboard) is searchable")
        }
        #expect(!index.contains("\"dashboards/cohorts/c-"), "each cohort's page is left out of search")
        #expect(!index.contains("In this report"), "navigation inside <main> is not indexed")
        #expect(!files.keys.contains { $0.hasPrefix("data/") && $0.hasSuffix(".csv") }, "program data must never be published")
    }
}
