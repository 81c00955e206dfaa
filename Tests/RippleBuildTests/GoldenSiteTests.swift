import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// Builds small fixture sites and compares every output file with the checked-in expected output.
/// Re-record with `RIPPLE_RECORD=1 swift test --filter GoldenSiteTests` after an intended change.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["small-site"])
    func outputMatchesExpectedFiles(fixture: String) throws {
        let site = try TestSite(fixture: fixture)
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        // Theme assets are the repository's own files; the golden files pin the generated pages.
        let actual = TestSite.files(under: site.output).filter { !$0.key.hasPrefix("assets/") }
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "assets/css/ripple.css").path))
        let expectedFolder = TestSite.fixtures.appending(path: "\(fixture)/expected")
        if ProcessInfo.processInfo.environment["RIPPLE_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let url = expectedFolder.appending(path: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = TestSite.files(under: expectedFolder)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[path] == data, "\(path) differs from the golden file; re-record with RIPPLE_RECORD=1 if intended")
        }
    }

    @Test func rebuildsOverThePreviousSiteEqualACleanBuild() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("content/pages/team/extra.md", "# Extra\n")
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        try FileManager.default.removeItem(at: site.root.appending(path: "content/pages/team/extra.md"))
        try site.write("content/guide/01-start.md", "---\ntitle: Start\n---\n## The ripple effect\n\nNew text.\n")
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let clean = try TestSite(fixture: "small-site")
        try clean.write("content/guide/01-start.md", "---\ntitle: Start\n---\n## The ripple effect\n\nNew text.\n")
        _ = try SiteBuilder(source: clean.root, output: clean.output).build()
        #expect(TestSite.files(under: site.output) == TestSite.files(under: clean.output))
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "team").path))
    }

    @Test func secondBuildIsByteIdentical() throws {
        let site = try TestSite(fixture: "small-site")
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let first = TestSite.files(under: site.output)
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        #expect(TestSite.files(under: site.output) == first)
    }

    @Test func filesEditedInTheOutputAreRestoredByLaterBuilds() throws {
        let site = try TestSite(fixture: "small-site")
        for _ in 0..<3 { _ = try SiteBuilder(source: site.root, output: site.output).build() }
        let expected = TestSite.files(under: site.output)
        // Someone edits the published site by hand; two builds later that folder is written into again.
        let page = site.output.appending(path: "join/index.html")
        let original = try Data(contentsOf: page)
        try Data(repeating: UInt8(ascii: "x"), count: original.count).write(to: page)
        try FileManager.default.removeItem(at: site.output.appending(path: "404.html"))
        for _ in 0..<2 { _ = try SiteBuilder(source: site.root, output: site.output).build() }
        #expect(TestSite.files(under: site.output) == expected)
        // The stamps that spare reading unchanged files live beside the output, one file per folder.
        let parent = site.output.deletingLastPathComponent().path
        let stamps = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".ripple-stamps-") }
        #expect(stamps.count == 2)
    }
}
