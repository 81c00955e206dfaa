import Foundation
import RippleBuild
import RippleCore
import Synchronization
import Testing
@testable import RippleServe

/// `ripple serve` over the incremental builder on the sample site: a saved chapter is rebuilt and shown.
@Suite(.timeLimit(.minutes(5))) struct IncrementalServeTests {
    @Test func aSavedChapterIsRebuiltIncrementallyAndReloaded() async throws {
        let folder = try TempFolder()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = folder.path("site"), output = folder.path("preview/site")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for item in ["ripple.yaml", "content", "templates"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: source.appendingPathComponent(item))
        }
        let state = IncrementalState()
        let session = ServeSession(source: source, output: output, port: 0) { baseURL, changed throws(DiagnosticError) in
            let report = try SiteBuilder.preview(source: source, output: output, assembler: SiteAssembler(baseURL: baseURL),
                                                        state: state, changed: changed).build()
            return ServeSession.BuildSummary(title: "Sample", diagnostics: report.diagnostics, deferred: report.deferredWork,
                                             changedPages: report.changedPages)
        }
        let messages = Mutex<[ServeSession.Message]>([])
        let urls = AsyncStream<String>.makeStream()
        let running = Task { try await session.run(log: { message in messages.withLock { $0.append(message) } },
                                                    ready: { urls.continuation.yield($0) }) }
        var iterator = urls.stream.makeAsyncIterator()
        let url = try #require(await iterator.next())
        let client = RawHTTPClient(port: UInt16(url.split(separator: ":").last!.dropLast())!)
        // The PDF is left out of the preview, said once.
        #expect(messages.withLock { $0 }.contains { message in
            if case .built(_, .start, let diagnostics) = message { return diagnostics.contains(SiteBuilder.noPDFNote) }
            return false
        })

        let chapter = source.appendingPathComponent("content/guide/05-skills-for-mentors-and-mentees.md")
        let text = try String(contentsOf: chapter, encoding: .utf8)
        try (text + "\nA sentence saved during the preview.\n").write(to: chapter, atomically: true, encoding: .utf8)
        // Bounded wait (not a timing assertion): the rebuild is announced and the page shows the new text.
        var page = try await client.send("GET", "/guide/skills-for-mentors-and-mentees/index.html")
        for _ in 0..<1200 where !page.text.contains("A sentence saved during the preview.") {
            try await Task.sleep(for: .milliseconds(100))
            page = try await client.send("GET", "/guide/skills-for-mentors-and-mentees/index.html")
        }
        #expect(page.text.contains("A sentence saved during the preview."))
        let rebuilt = messages.withLock { $0 }.compactMap { message -> Int? in
            if case .built(_, .files(let changed), _) = message { return changed }
            return nil
        }
        #expect(rebuilt == [1])
        // The print edition follows once the author pauses (the session's quiet period).
        var print = try await client.send("GET", "/guide/print.html")
        for _ in 0..<1200 where !print.text.contains("A sentence saved during the preview.") {
            try await Task.sleep(for: .milliseconds(100))
            print = try await client.send("GET", "/guide/print.html")
        }
        #expect(print.text.contains("A sentence saved during the preview."))
        #expect(messages.withLock { $0 }.contains { message in
            if case .built(_, .deferred(SiteBuilder.deferredDownloadsName), _) = message { return true }
            return false
        })

        // The loader takes only the watcher's changed paths from disk: an added, then deleted chapter must show.
        let added = source.appendingPathComponent("content/guide/11-added-in-the-preview.md")
        try "---\ntitle: Added in the preview\n---\n\nWritten while serving.\n".write(to: added, atomically: true, encoding: .utf8)
        var addedPage = try await client.send("GET", "/guide/added-in-the-preview/index.html")
        for _ in 0..<1200 where addedPage.status != 200 {
            try await Task.sleep(for: .milliseconds(100))
            addedPage = try await client.send("GET", "/guide/added-in-the-preview/index.html")
        }
        #expect(addedPage.text.contains("Written while serving."))
        #expect(try await client.send("GET", "/guide/index.html").text.contains("Added in the preview"))
        try FileManager.default.removeItem(at: added)
        for _ in 0..<1200 where try await client.send("GET", "/guide/added-in-the-preview/index.html").status != 404 {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try await client.send("GET", "/guide/added-in-the-preview/index.html").status == 404)
        #expect(!(try await client.send("GET", "/guide/index.html").text.contains("Added in the preview")))
        running.cancel()
        try await running.value
    }
}
