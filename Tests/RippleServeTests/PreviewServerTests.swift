import Foundation
import RippleCore
import Testing
@testable import RippleServe

@Suite(.timeLimit(.minutes(1))) struct PreviewServerTests {
    /// Starts a server on a free loopback port over a small site, runs `body`, and always stops it.
    func withServer(notFoundPage: Bool = true, status: BuildStatus = .succeeded(version: "v1"),
                    _ body: (RawHTTPClient, TempFolder, StatusBroadcaster) async throws -> Void) async throws {
        let folder = try TempFolder()
        try folder.write("site/index.html", "<html><body><h1>Home</h1></body></html>")
        try folder.write("site/guide/index.html", "<html><body>Guide</body></html>")
        try folder.write("site/assets/style.css", "body { color: red }")
        try folder.write("site/data.json", "{}")
        try folder.write("outside.txt", "secret")
        if notFoundPage { try folder.write("site/404.html", "<html><body>Lost?</body></html>") }
        let broadcaster = StatusBroadcaster(status)
        let server = PreviewServer(root: folder.path("site"), port: 0, status: broadcaster)
        let port = try await server.start()
        do {
            try await body(RawHTTPClient(port: port), folder, broadcaster)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func servesPagesWithTypesAndTheLiveReloadScript() async throws {
        try await withServer { client, _, _ in
            let page = try await client.send("GET", "/")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.header("Cache-Control") == "no-cache")
            #expect(page.text == "<html><body><h1>Home</h1>" + LiveReloadInjector.scriptTag + "</body></html>")
            #expect(page.header("Content-Length") == String(page.body.count))

            let css = try await client.send("GET", "/assets/style.css")
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.text == "body { color: red }")
            #expect(try await client.send("GET", "/data.json").header("Content-Type") == "application/json")
        }
    }

    @Test func folderIndexAndSlashRedirect() async throws {
        try await withServer { client, _, _ in
            let redirect = try await client.send("GET", "/guide?tab=2")
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/guide/?tab=2")
            let guide = try await client.send("GET", "/guide/")
            #expect(guide.status == 200)
            #expect(guide.text.hasPrefix("<html><body>Guide<script data-ripple-live-reload>"))
        }
    }

    @Test func notFoundUsesTheSite404PageWithStatus404() async throws {
        try await withServer { client, _, _ in
            let missing = try await client.send("GET", "/missing/page.html")
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "text/html; charset=utf-8")
            #expect(missing.text.hasPrefix("<html><body>Lost?<script data-ripple-live-reload>"))
        }
        try await withServer(notFoundPage: false) { client, _, _ in
            let missing = try await client.send("GET", "/missing")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page not found"))
            #expect(missing.text.contains("/__ripple/events"))
        }
    }

    @Test func traversalAttemptsAreRefused() async throws {
        try await withServer { client, _, _ in
            for path in ["/../outside.txt", "/%2e%2e/outside.txt", "/%2E%2e%2Foutside.txt", "/..%5coutside.txt",
                         "/..\\outside.txt", "/index.html%00", "/guide/%2e%2e/%2e%2e/outside.txt"] {
                let response = try await client.send("GET", path)
                #expect(!response.text.contains("secret"), "\(path)")
                #expect([403, 404].contains(response.status), "\(path)")
            }
        }
    }

    @Test func headSendsHeadersWithoutBody() async throws {
        try await withServer { client, _, _ in
            let get = try await client.send("GET", "/assets/style.css")
            let head = try await client.send("HEAD", "/assets/style.css")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("ETag") == get.header("ETag"))
            #expect(head.body.isEmpty)
        }
    }

    @Test func conditionalGetAnswers304UntilTheFileChanges() async throws {
        try await withServer { client, folder, _ in
            let first = try await client.send("GET", "/")
            let tag = try #require(first.header("ETag"))
            let again = try await client.send("GET", "/", headers: ["If-None-Match": tag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == tag)

            try folder.write("site/index.html", "<html><body><h1>Changed</h1></body></html>")
            let changed = try await client.send("GET", "/", headers: ["If-None-Match": tag])
            #expect(changed.status == 200)
            #expect(changed.header("ETag") != tag)
        }
    }

    @Test func otherMethodsAreNotAllowed() async throws {
        try await withServer { client, _, _ in
            let post = try await client.send("POST", "/")
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")
        }
    }

    @Test func eventsSendTheCurrentStatusOnConnectAndEveryChange() async throws {
        let problem = Diagnostic.error("unknown layout 'wide'", at: SourceLocation(file: "content/index.md", line: 2),
                                       hint: "use one of the layouts in templates/layouts")
        try await withServer(status: .failed(version: "v1", diagnostics: [problem])) { client, _, broadcaster in
            let onConnect = try await client.events { $0.contains("\"state\": \"failed\"") }
            #expect(onConnect.contains("HTTP/1.1 200"))
            #expect(onConnect.lowercased().contains("content-type: text/event-stream"))
            #expect(onConnect.contains("event: status\n"))
            #expect(onConnect.contains("\"file\": \"content/index.md\", \"line\": 2"))
            #expect(onConnect.contains("\"message\": \"unknown layout 'wide'\""))
            #expect(onConnect.contains("\"hint\": \"use one of the layouts in templates/layouts\""))

            let publisher = Task {
                while await broadcaster.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
                await broadcaster.publish(.succeeded(version: "v2"))
            }
            let later = try await client.events { $0.contains("\"version\": \"v2\"") }
            try await publisher.value
            #expect(later.contains("data: {\"state\": \"ok\", \"version\": \"v2\"}\n\n"))
        }
        // A build that changed only some pages says which: the others do not reload.
        #expect(BuildStatus.succeeded(version: "v3", only: ["guide/print.html", "a \"b\".html"]).json
            == "{\"state\": \"ok\", \"version\": \"v3\", \"only\": [\"guide/print.html\", \"a \\\"b\\\".html\"]}")
    }

    @Test func aPortInUseIsAClearError() async throws {
        let folder = try TempFolder()
        let first = PreviewServer(root: folder.url, port: 0, status: StatusBroadcaster(.succeeded(version: "1")))
        let port = try await first.start()
        let second = PreviewServer(root: folder.url, port: port, status: StatusBroadcaster(.succeeded(version: "1")))
        do {
            _ = try await second.start()
            Issue.record("the second server started on a taken port")
            await second.stop()
        } catch {
            #expect(error.diagnostics == [.error("port \(port) is already in use",
                                                 hint: "choose another with --port, e.g. --port \(Int(port) + 1)")])
        }
        await first.stop()
    }

    @Test func aHostThatIsNotAnAddressIsAClearError() async throws {
        let server = PreviewServer(root: URL(fileURLWithPath: "/tmp"), host: "example.org", port: 0,
                                   status: StatusBroadcaster(.succeeded(version: "1")))
        await #expect(throws: DiagnosticError.self) { _ = try await server.start() }
        do { _ = try await server.start() } catch {
            #expect(error.description == """
                error: 'example.org' is not an address this computer can listen on
                  hint: use --host 127.0.0.1 (only this computer) or the IP address of one of its network interfaces
                """)
        }
    }
}
