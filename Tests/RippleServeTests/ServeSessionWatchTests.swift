import Foundation
import RippleCore
import Testing
@testable import RippleServe

/// How the session passes the watcher's batches to the build and what it logs about them.
@Suite(.timeLimit(.minutes(1))) struct ServeSessionWatchTests {
    final class Record: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [ServeSession.Message] = []
        private var builds: [[String]?] = []
        func log(_ message: ServeSession.Message) { lock.withLock { messages.append(message) } }
        func built(_ changed: [String]?) { lock.withLock { builds.append(changed) } }
        var all: (messages: [ServeSession.Message], builds: [[String]?]) { lock.withLock { (messages, builds) } }
    }

    #if os(Linux)
    @Test func rebuildsWithTheChangedFilesOrWithEveryFileWhenAFolderIsDeleted() async throws {
        let folder = try TempFolder()
        try folder.write("ripple.yaml", "title: Test\n")
        try folder.write("content/index.md", "# Home\n")
        try folder.write("content/guide/01.md", "# One\n")
        let record = Record()
        let builds = AsyncStream<Void>.makeStream()
        let session = Self.session(folder, record, builds.continuation)
        let running = Task { try await session.run(log: record.log) }
        var built = builds.stream.makeAsyncIterator()
        _ = await built.next()
        try folder.write("content/index.md", "# Home, again\n")
        _ = await built.next()
        try FileManager.default.removeItem(at: folder.path("content/guide"))
        _ = await built.next()
        running.cancel()
        try await running.value

        let (messages, changes) = record.all
        #expect(changes == [nil, ["content/index.md"], nil])
        let causes = messages.compactMap { message -> ServeSession.Message.Cause? in
            if case .built(_, let cause, _) = message { return cause } else { return nil }
        }
        #expect(causes == [.start, .files(1), .unknown])
    }

    /// Saves made while a build runs are built together once it ends, not one build per save.
    @Test func savesDuringALongBuildMakeOneBuild() async throws {
        let folder = try TempFolder()
        try folder.write("ripple.yaml", "title: Test\n")
        try folder.write("content/a.md", "# A\n")
        try folder.write("content/b.md", "# B\n")
        try folder.write("content/c.md", "# C\n")
        let record = Record()
        let builds = AsyncStream<Void>.makeStream()
        let gate = AsyncStream<Void>.makeStream()
        let session = Self.session(folder, record, builds.continuation) { changed in
            if changed == ["content/a.md"] {  // a long build: it ends when the test says so
                var opened = gate.stream.makeAsyncIterator()
                _ = await opened.next()
            }
            return ServeSession.BuildSummary(title: "Test")
        }
        let running = Task { try await session.run(log: record.log) }
        var built = builds.stream.makeAsyncIterator()
        _ = await built.next()
        try folder.write("content/a.md", "# A, saved\n")
        _ = await built.next()
        try folder.write("content/b.md", "# B, saved during the build\n")
        try await Task.sleep(for: .milliseconds(300))
        try folder.write("content/c.md", "# C, saved during the build\n")
        try await Task.sleep(for: .milliseconds(300))
        gate.continuation.yield()
        _ = await built.next()
        running.cancel()
        try await running.value
        #expect(record.all.builds == [nil, ["content/a.md"], ["content/b.md", "content/c.md"]])
        #expect(ServeSession.merged([["b"], nil, ["a"]]) == nil)
        #expect(ServeSession.merged([["b", "a"], ["a"]]) == ["a", "b"])
    }

    /// A build that defers work (the guide downloads) gets it made once no change has come for the quiet
    /// period: a save during the wait starts the wait again, and the deferred build is logged as such.
    @Test func deferredWorkIsMadeWhenTheAuthorPauses() async throws {
        let folder = try TempFolder()
        try folder.write("ripple.yaml", "title: Test\n")
        try folder.write("content/index.md", "# Home\n")
        let record = Record()
        let builds = AsyncStream<Void>.makeStream()
        var session = Self.session(folder, record, builds.continuation) { changed in
            if changed == [] { return ServeSession.BuildSummary(title: "Test", changedPages: ["guide/print.html"]) }
            return ServeSession.BuildSummary(title: "Test", deferred: changed == nil ? nil : "the downloads")
        }
        session.quietPeriod = .milliseconds(400)
        let running = Task { try await session.run(log: record.log) }
        var built = builds.stream.makeAsyncIterator()
        _ = await built.next()
        try folder.write("content/index.md", "# Home, again\n")
        _ = await built.next()
        try folder.write("content/index.md", "# Home, a third time\n")  // within the quiet period
        _ = await built.next()
        _ = await built.next()
        running.cancel()
        try await running.value

        let (messages, changes) = record.all
        #expect(changes == [nil, ["content/index.md"], ["content/index.md"], []])
        let causes = messages.compactMap { message -> ServeSession.Message.Cause? in
            if case .built(_, let cause, _) = message { return cause } else { return nil }
        }
        #expect(causes == [.start, .files(1), .files(1), .deferred("the downloads")])
        #expect(ServeSession.Message.built(milliseconds: 850, cause: .deferred("the downloads"), diagnostics: []).text
            == "Made the downloads in 850 ms")
    }

    @Test func logsOnceThatItPollsWhenInotifyCannotBeUsed() async throws {
        let folder = try TempFolder()
        try folder.write("ripple.yaml", "title: Test\n")
        try folder.write("content/index.md", "# Home\n")
        var watcher = SiteWatcher(root: folder.url, interval: .milliseconds(30), debounce: .milliseconds(30))
        watcher.watchLimit = 0
        let record = Record()
        let session = ServeSession(source: folder.url, output: folder.path("out/site"), port: 0, watcher: watcher) { _, _ in
            ServeSession.BuildSummary(title: "Test", diagnostics: [.warning("a warning of the build")])
        }
        let ready = AsyncStream<Void>.makeStream()
        let running = Task { try await session.run(log: record.log, ready: { _ in ready.continuation.yield() }) }
        var iterator = ready.stream.makeAsyncIterator()
        _ = await iterator.next()
        running.cancel()
        try await running.value
        let note = try #require(watcher.start().note)
        #expect(record.all.messages.first == .built(milliseconds: Self.ms(record.all.messages.first), cause: .start,
                                                    diagnostics: [note, .warning("a warning of the build")]))
    }
    #endif

    @Test func saysWhenEveryFileWasLookedAt() {
        #expect(ServeSession.Message.built(milliseconds: 84, cause: .unknown, diagnostics: []).text
            == "Rebuilt in 84 ms (looked at every file)")
    }

    /// A session over `folder` whose build records what it was asked, signals `builds`, then answers `summary`.
    private static func session(_ folder: TempFolder, _ record: Record, _ builds: AsyncStream<Void>.Continuation,
                                summary: @escaping @Sendable ([String]?) async -> ServeSession.BuildSummary
                                    = { _ in ServeSession.BuildSummary(title: "Test") }) -> ServeSession {
        ServeSession(source: folder.url, output: folder.path("out/site"), port: 0,
                     watcher: SiteWatcher(root: folder.url, debounce: .milliseconds(30))) { _, changed throws(DiagnosticError) in
            record.built(changed)
            builds.yield()
            return await summary(changed)
        }
    }

    private static func ms(_ message: ServeSession.Message?) -> Int {
        if case .built(let ms, _, _)? = message { return ms }
        return -1
    }
}
