import Foundation
import RippleCore
import Testing
@testable import RippleServe

/// Hostile clients against a real server on a loopback port (issue 23, items 11 and 15): huge request lines and
/// headers are refused at once while other connections are served, slow clients and extra connections are
/// dropped, and only this machine's names are answered.
@Suite(.timeLimit(.minutes(1))) struct PreviewServerLimitsTests {
    func withServer(limits: HTTPConnectionServer.Limits = .init(),
                    _ body: (RawHTTPClient) async throws -> Void) async throws {
        let folder = try TempFolder()
        try folder.write("site/index.html", "<html><body>Home</body></html>")
        let server = PreviewServer(root: folder.path("site"), port: 0,
                                   status: StatusBroadcaster(.succeeded(version: "v1")), limits: limits)
        let port = try await server.start()
        do {
            try await body(RawHTTPClient(port: port))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    // Before the limits these took over 5 minutes (quadratic parsing of the whole line); now they are refused
    // after 8 or 32 KiB. The suite's time limit is the deadline for that; no clock is asserted.
    @Test func aHugeURLAndAHugeHeaderAreRefusedAtOnceWhileOthersAreServed() async throws {
        try await withServer { client in
            async let longURL = client.sendRaw(Array(("GET /" + String(repeating: "a", count: 4 << 20) + " HTTP/1.1\r\nHost: localhost\r\n\r\n").utf8))
            async let bigHeader = client.sendRaw(Array(("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + String(repeating: "b", count: 1 << 20) + "\r\n\r\n").utf8))
            async let normal = client.send("GET", "/")
            let (url, header, page) = try await (longURL, bigHeader, normal)
            #expect(url.status == 414)
            #expect(url.text == "The request line is longer than 8 KiB.\n")
            #expect(header.status == 431)
            #expect(header.text == "The request's headers are larger than 32 KiB.\n")
            #expect(page.status == 200)
            #expect(try await client.send("GET", "/").status == 200)
        }
    }

    @Test func aClientSendingAByteAtATimeIsDropped() async throws {
        try await withServer(limits: .init(headTimeout: .milliseconds(500))) { client in
            let head = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + String(repeating: "z", count: 200) + "\r\n\r\n"
            // A byte every 50 ms would take 10 s; the head must be complete within 0.5 s, however it trickles in.
            let (sent, closed) = try await client.dribble("GET / HTTP/1.1\r\n", String(head.dropFirst(16)), pace: 0.05)
            #expect(closed)
            #expect(sent < head.count - 16)
            #expect(try await client.send("GET", "/").status == 200)
        }
    }

    @Test func connectionsPastTheLimitAreTurnedAway() async throws {
        try await withServer(limits: .init(headTimeout: .seconds(60), maxConnections: 2)) { client in
            let first = try client.openIdle(), second = try client.openIdle()
            defer { close(first); close(second) }
            // The server admits connections in order: once a third is refused, the first two hold their slots.
            let third = try client.openIdle()
            defer { close(third) }
            let refused = try await RawHTTPClient.finish(third)
            #expect(refused.status == 503)
            #expect(refused.text == "Too many connections to the preview; close some of its tabs.\n")
            let answered = try await RawHTTPClient.finish(first, sending: "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(answered.status == 200)
        }
    }

    @Test func otherHostNamesAreRefusedEvenForTheEventStream() async throws {
        try await withServer { client in
            for target in ["/", "/__ripple/events", "/missing"] {
                let response = try await client.send("GET", target, headers: ["Host": "attacker.example:8080"])
                #expect(response.status == 421, "\(target)")
                #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
                #expect(response.text == "This preview answers only to 127.0.0.1, [::1], localhost.\n")
            }
            for host in ["localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:\(client.port)", "[::1]", "[::1]:80"] {
                #expect(try await client.send("GET", "/", headers: ["Host": host]).status == 200, "\(host)")
            }
            // A HEAD refusal has the length of its text and no body (else it would be read as the next response).
            let head = try await client.sendRaw(Array("HEAD / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n".utf8))
            #expect(head.status == 421)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == "58")
            let noHost = try await client.sendRaw(Array("GET / HTTP/1.1\r\n\r\n".utf8))
            #expect(noHost.status == 400)
            #expect(noHost.text == "Malformed request: no Host header.\n")
        }
    }
}
