import Foundation
import RippleBuild
import RippleCore
import Testing
@testable import RippleServe

/// `ripple serve`'s loop over the real pipeline: a tiny site, a broken `ripple.yaml`, and its fix.
@Suite(.timeLimit(.minutes(2))) struct RealSiteServeTests {
    @Test func servesRebuildsAndReportsARealSite() async throws {
        let folder = try TempFolder()
        try folder.write("site/ripple.yaml", "title: Tiny\n")
        try folder.write("site/content/index.md", "---\ntitle: Home\n---\n# Hello\n\nFirst text.\n")
        let source = folder.path("site"), output = folder.path("preview/site")
        let session = ServeSession(
            source: source, output: output, port: 0,
            watcher: SiteWatcher(root: source, interval: .milliseconds(50), debounce: .milliseconds(50))
        ) { baseURL, _ throws(DiagnosticError) in
            _ = try SiteBuilder(source: source, output: output, assembler: SiteAssembler(baseURL: baseURL)).build()
            return ServeSession.BuildSummary(title: "Tiny")
        }
        let urls = AsyncStream<String>.makeStream()
        let running = Task { try await session.run(log: { _ in }, ready: { urls.continuation.yield($0) }) }
        var iterator = urls.stream.makeAsyncIterator()
        let url = try #require(await iterator.next())
        let client = RawHTTPClient(port: UInt16(url.split(separator: ":").last!.dropLast())!)

        let home = try await client.send("GET", "/")
        #expect(home.status == 200)
        #expect(home.text.contains("First text."))
        #expect(home.text.contains("data-ripple-live-reload"))
        #expect(!FileManager.default.fileExists(atPath: source.appendingPathComponent("public").path))

        try folder.write("site/ripple.yaml", "title: [Tiny\nfoo: : :\n")
        let failed = try await client.events(seconds: 60) { $0.contains("\"state\": \"failed\"") }
        #expect(failed.contains("\"file\": \"ripple.yaml\", \"line\": 2"))
        #expect(try await client.send("GET", "/").text.contains("First text."))

        try folder.write("site/ripple.yaml", "title: Tiny\n")
        try folder.write("site/content/index.md", "---\ntitle: Home\n---\n# Hello\n\nSecond text.\n")
        _ = try await client.events(seconds: 60) { text in
            text.range(of: "\"state\": ", options: .backwards).map { text[$0.upperBound...].hasPrefix("\"ok\"") } ?? false
        }
        var page = try await client.send("GET", "/")
        for _ in 0..<40 where !page.text.contains("Second text.") {
            try await Task.sleep(for: .milliseconds(100))
            page = try await client.send("GET", "/")
        }
        #expect(page.text.contains("Second text."))
        running.cancel()
        try await running.value
    }
}
