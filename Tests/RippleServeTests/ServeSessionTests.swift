import Foundation
import RippleCore
import Testing
@testable import RippleServe

/// Drives a whole session with a scripted build: the "build" copies `content/index.md` into the served
/// folder as a page, and fails when the file contains `BROKEN`.
@Suite(.timeLimit(.minutes(1))) struct ServeSessionTests {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [ServeSession.Message] = []
        func append(_ message: ServeSession.Message) { lock.withLock { messages.append(message) } }
        var all: [ServeSession.Message] { lock.withLock { messages } }
    }

    static func scriptedBuild(source: URL, output: URL) -> ServeSession.Build {
        { _, _ throws(DiagnosticError) in
            let text = (try? String(contentsOf: source.appendingPathComponent("content/index.md"), encoding: .utf8)) ?? ""
            if text.contains("BROKEN") {
                throw DiagnosticError(.error("the page <b>is</b> broken", at: SourceLocation(file: "content/index.md", line: 1, column: 3),
                                             hint: "remove the word BROKEN"))
            }
            try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try? Data("<html><body>\(text)</body></html>".utf8).write(to: output.appendingPathComponent("index.html"))
            return ServeSession.BuildSummary(title: "Test Site")
        }
    }

    @Test func rebuildsOnChangeAndReportsFailuresThenRecovery() async throws {
        let folder = try TempFolder()
        try folder.write("ripple.yaml", "title: Test Site\n")
        try folder.write("content/index.md", "first")
        let output = folder.path("out/site")
        let log = Log()
        let ports = AsyncStream<UInt16>.makeStream()
        let session = ServeSession(
            source: folder.url, output: output, port: 0,
            watcher: SiteWatcher(root: folder.url, interval: .milliseconds(30), debounce: .milliseconds(30)),
            build: Self.scriptedBuild(source: folder.url, output: output))
        let running = Task {
            try await session.run(log: log.append, ready: { url in
                ports.continuation.yield(UInt16(url.split(separator: ":").last!.dropLast())!)
            })
        }
        var iterator = ports.stream.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let client = RawHTTPClient(port: port)

        #expect(try await client.send("GET", "/").text.hasPrefix("<html><body>first<script"))

        // A change: a new version is announced, and the new page is served.
        let firstStatus = try await client.events { $0.contains("\"state\": \"ok\"") }
        try folder.write("content/index.md", "second")
        let reload = try await client.events { text in
            text.contains("\"state\": \"ok\"") && !firstStatus.contains(Self.version(in: text) ?? "?")
        }
        #expect(Self.version(in: reload) != Self.version(in: firstStatus))
        #expect(try await client.send("GET", "/").text.hasPrefix("<html><body>second<script"))

        // A broken file: the overlay data is sent, the last good page is still served.
        try folder.write("content/index.md", "BROKEN")
        let failed = try await client.events { $0.contains("\"state\": \"failed\"") }
        #expect(failed.contains("\"file\": \"content/index.md\", \"line\": 1, \"column\": 3, \"message\": \"the page <b>is</b> broken\", \"hint\": \"remove the word BROKEN\""))
        #expect(try await client.send("GET", "/").text.hasPrefix("<html><body>second<script"))

        // A fix clears it.
        try folder.write("content/index.md", "third")
        let recovered = try await client.events { $0.contains("\"state\": \"ok\"") }
        let lastState = recovered.range(of: "\"state\": ", options: .backwards).map { recovered[$0.upperBound...] }
        #expect(lastState?.hasPrefix("\"ok\"") == true)
        #expect(try await client.send("GET", "/").text.hasPrefix("<html><body>third<script"))

        running.cancel()
        try await running.value
        let messages = log.all
        #expect(messages.first == .built(milliseconds: Self.ms(messages.first), cause: .start, diagnostics: []))
        #expect(messages.dropFirst().first == .serving(title: "Test Site", url: "http://127.0.0.1:\(port)/"))
        #expect(messages.contains(.failed(diagnostics: [.error("the page <b>is</b> broken",
            at: SourceLocation(file: "content/index.md", line: 1, column: 3), hint: "remove the word BROKEN")])))
        #expect(messages.filter { if case .built(_, .files(1), _) = $0 { true } else { false } }.count == 2)
    }

    @Test func messagesForTheTerminal() {
        #expect(ServeSession.Message.serving(title: "Mentoring", url: "http://127.0.0.1:8080/").text ==
                "Serving Mentoring at http://127.0.0.1:8080/ (Ctrl-C to stop)")
        #expect(ServeSession.Message.built(milliseconds: 84, cause: .files(3), diagnostics: []).text == "Rebuilt in 84 ms (3 files changed)")
        #expect(ServeSession.Message.built(milliseconds: 9, cause: .files(1), diagnostics: []).text == "Rebuilt in 9 ms (1 file changed)")
        let problem = Diagnostic.error("missing title", at: SourceLocation(file: "content/a.md", line: 1), hint: "add title: to the front matter")
        #expect(ServeSession.Message.failed(diagnostics: [problem]).text == """
            content/a.md:1: error: missing title
              hint: add title: to the front matter
            Build failed (1 error); still serving the last good version
            """)
        #expect(ServeSession.Message.exposed(host: "0.0.0.0").text.hasPrefix("warning: listening on 0.0.0.0"))
    }

    static func version(in events: String) -> String? {
        guard let range = events.range(of: "\"version\": \"", options: .backwards) else { return nil }
        return String(events[range.upperBound...].prefix { $0 != "\"" })
    }

    static func ms(_ message: ServeSession.Message?) -> Int {
        if case .built(let ms, _, _)? = message { return ms }
        return -1
    }
}

/// A second preview of the same site is refused with a clear error (each has its own folder now, so the lock
/// is on the site folder itself).
@Suite struct ServeSessionLockTests {
    @Test func aSecondPreviewOfTheSameSiteIsRefused() throws {
        let folder = try TempFolder()
        let held = try ServeSession.lock(site: folder.url)
        #expect(held >= 0)
        let refused = #expect(throws: DiagnosticError.self) { _ = try ServeSession.lock(site: folder.url) }
        #expect(refused?.diagnostics.first?.message == "another `ripple serve` is already previewing this site")
        #expect(refused?.diagnostics.first?.hint
            == "use the preview that is running (its address is in its terminal), or stop it with Ctrl-C first")
        // The same site through another path is the same folder.
        let other = try TempFolder()
        let link = other.path("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.url)
        #expect(throws: DiagnosticError.self) { _ = try ServeSession.lock(site: link) }
        close(held)
        let again = try ServeSession.lock(site: folder.url)
        close(again)
    }
}
