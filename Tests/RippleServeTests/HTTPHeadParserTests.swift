import Testing
@testable import RippleServe

@Suite struct HTTPHeadParserTests {
    func parse(_ text: String) -> HTTPHeadParser.Outcome {
        var parser = HTTPHeadParser()
        return parser.append(Array(text.utf8))
    }

    @Test func readsTheRequestLineAndHeaders() {
        let outcome = parse("GET /guide/?tab=2 HTTP/1.1\r\nHost: localhost:8080\r\nIf-None-Match:  \"x\" \r\n\r\n")
        #expect(outcome == .head(HTTPRequestHead(method: "GET", target: "/guide/?tab=2", version: "HTTP/1.1",
                                                 fields: [("host", "localhost:8080"), ("if-none-match", "\"x\"")])))
        guard case .head(let head) = outcome else { return }
        #expect(head.path == "/guide/")
        #expect(head.query == "tab=2")
        #expect(head.header("Host") == "localhost:8080")
        #expect(head.keepsAlive)
    }

    @Test func bareLineFeedsAndEmptyLinesBeforeTheRequestAreAccepted() {
        #expect(parse("\r\nGET / HTTP/1.0\nHost: a\n\n") == .head(HTTPRequestHead(
            method: "GET", target: "/", version: "HTTP/1.0", fields: [("host", "a")])))
    }

    @Test func headsArriveInPiecesAndOneAfterAnother() {
        var parser = HTTPHeadParser()
        let two = Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        #expect(parser.append(two[..<10]) == .needMore)
        guard case .head(let first) = parser.append(two[10...]) else { Issue.record("no head"); return }
        #expect(first.target == "/a")
        guard case .head(let second) = parser.next() else { Issue.record("no second head"); return }
        #expect(second.method == "HEAD")
        #expect(parser.next() == .needMore)
        // A third, arriving in pieces after the two were taken.
        #expect(parser.append(Array("GET /c HT".utf8)) == .needMore)
        guard case .head(let third) = parser.append(Array("TP/1.1\r\nHost: h\r\n\r\n".utf8)) else { Issue.record("no third head"); return }
        #expect(third.target == "/c")
    }

    @Test func theRequestLineMayBe8KiBAndNoMore() {
        let longest = "/" + String(repeating: "a", count: HTTPHeadParser.maxRequestLine - "GET  HTTP/1.1".count - 1)
        guard case .head = parse("GET \(longest) HTTP/1.1\r\nHost: h\r\n\r\n") else { Issue.record("8 KiB refused"); return }
        #expect(parse("GET \(longest)a HTTP/1.1\r\nHost: h\r\n\r\n") == .failed(HTTPHeadParser.Failure(
            status: 414, reason: "The request line is longer than 8 KiB.")))
        // Refused as soon as the limit is passed, before the line ends.
        #expect(parse("GET /" + String(repeating: "a", count: 9000)) == .failed(HTTPHeadParser.Failure(
            status: 414, reason: "The request line is longer than 8 KiB.")))
        #expect(parse(String(repeating: "\r\n", count: 5000)) == .failed(HTTPHeadParser.Failure(
            status: 414, reason: "The request line is longer than 8 KiB.")))
    }

    @Test func headersMayTake32KiBAndNoMore() {
        let field = "X-Big: " + String(repeating: "b", count: HTTPHeadParser.maxHeaderBytes - "X-Big: \r\nHost: h\r\n\r\n".utf8.count)
        guard case .head = parse("GET / HTTP/1.1\r\n\(field)\r\nHost: h\r\n\r\n") else { Issue.record("32 KiB refused"); return }
        let tooLarge = HTTPHeadParser.Outcome.failed(HTTPHeadParser.Failure(
            status: 431, reason: "The request's headers are larger than 32 KiB."))
        #expect(parse("GET / HTTP/1.1\r\n\(field)b\r\nHost: h\r\n\r\n") == tooLarge)
        #expect(parse("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 40_000)) == tooLarge)
        #expect(parse("GET / HTTP/1.1\r\n" + String(repeating: "A: b\r\n", count: 6000)) == tooLarge)
    }

    @Test(arguments: [
        ("GET /\r\n\r\n", "bad request line"),
        ("GET  / HTTP/1.1\r\n\r\n", "bad request line"),
        ("G(T / HTTP/1.1\r\n\r\n", "bad request line"),
        ("GET /a\u{7F}b HTTP/1.1\r\n\r\n", "bad request target"),
        ("GET /é HTTP/1.1\r\n\r\n", "bad request target"),
        ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", "bad header line"),
        ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", "bad header line"),
        ("GET / HTTP/1.1\r\nNoColon\r\n\r\n", "bad header line"),
        ("GET / HTTP/1.1\r\nX: a\u{1}b\r\n\r\n", "control character in a header"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "more than one Host header"),
    ])
    func malformedHeadsAreRefused(text: String, what: String) {
        #expect(parse(text) == .failed(HTTPHeadParser.Failure(status: 400, reason: "Malformed request: \(what).")))
    }

    @Test func otherVersionsGet505() {
        #expect(parse("GET / HTTP/2.0\r\n\r\n") == .failed(HTTPHeadParser.Failure(
            status: 505, reason: "Only HTTP/1.1 and HTTP/1.0 are supported.")))
    }

    @Test func keepAliveFollowsTheVersionAndConnectionHeader() {
        func head(_ version: String, _ fields: [(String, String)]) -> HTTPRequestHead {
            HTTPRequestHead(method: "GET", target: "/", version: version, fields: fields.map { (name: $0.0, value: $0.1) })
        }
        #expect(head("HTTP/1.1", []).keepsAlive)
        #expect(!head("HTTP/1.1", [("connection", "Close")]).keepsAlive)
        #expect(!head("HTTP/1.0", []).keepsAlive)
        #expect(head("HTTP/1.0", [("connection", "keep-alive")]).keepsAlive)
        // A body is never read, so the connection cannot carry another request after it.
        #expect(!head("HTTP/1.1", [("content-length", "5")]).keepsAlive)
        #expect(!head("HTTP/1.1", [("transfer-encoding", "chunked")]).keepsAlive)
    }
}
