import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// WeasyPrint as Ripple runs it: the limits' messages, and no request to the network whatever the HTML says.
@Suite struct PDFEngineTests {
    var engine: PDFEngine {
        var engine = PDFEngine(executable: URL(fileURLWithPath: "/usr/bin/weasyprint"))
        engine.limits = .init(seconds: 600, memoryMB: 4096)
        return engine
    }

    @Test func aTimeoutSaysWhichLimitAndHowToRaiseIt() {
        let problem = engine.failure(.init(outcome: .timedOut, errors: ""), job: .guide(chapters: 112))
        #expect(problem.description == """
            ripple.yaml: error: field 'guide.pdf_timeout': WeasyPrint took longer than 600 seconds making the guide's PDF (112 chapters), so Ripple stopped it
              hint: allow more time with `pdf_timeout: 1200` (seconds) under `guide:` in ripple.yaml, or set `pdf: never` to skip the PDF
            """)
    }

    @Test func runningOutOfMemorySaysWhichLimitAndHowToRaiseIt() {
        let run = ExternalProcess.Run(outcome: .exited(1), errors: "Traceback (most recent call last):\n  …\nMemoryError\n")
        #expect(engine.failure(run, job: .guide(chapters: 1)).description == """
            ripple.yaml: error: field 'guide.pdf_memory': WeasyPrint needed more than 4096 MB of memory making the guide's PDF (1 chapter), so it stopped
              hint: allow more with `pdf_memory: 8192` (megabytes) under `guide:` in ripple.yaml, or set `pdf: never` to skip the PDF
            """)
    }

    @Test func theLimitsComeFromRippleYAML() throws {
        let config = try ConfigParser.parse("title: T\nguide:\n  pdf_timeout: 30\n  pdf_memory: 1024\n")
        var engine = self.engine
        engine.limit(by: config.guide)
        #expect(engine.limits == .init(seconds: 30, memoryMB: 1024))
        #expect(throws: DiagnosticError.self) { try ConfigParser.parse("title: T\nguide:\n  pdf_timeout: 5\n") }
        do { _ = try ConfigParser.parse("title: T\nguide:\n  pdf_timeout: 5\n") } catch {
            #expect(error.diagnostics.map(\.description) == ["ripple.yaml:3:16: error: 'pdf_timeout' must be between 10 and 86400, not 5"])
        }
    }

    @Test func anotherFailureGivesWeasyPrintsLastLine() {
        let run = ExternalProcess.Run(outcome: .exited(1), errors: "Traceback\nValueError: bad page\n")
        #expect(engine.failure(run, job: .guide).description == """
            error: WeasyPrint could not make the guide's PDF: ValueError: bad page
              hint: check the print page (guide/print.html) in a browser; set `pdf: never` under `guide:` to skip the PDF
            """)
    }

    /// Images, stylesheets and backgrounds on another site are not fetched: the test listens where they point
    /// and no connection arrives. A file outside the folder WeasyPrint was given is not read either.
    @Test func weasyPrintRequestsNothingFromTheNetwork() throws {
        let engine = try #require(PDFEngine.locate(), "the test needs WeasyPrint (apt-get install weasyprint)")
        let listener = try Listener()
        defer { listener.close() }
        let remote = "http://127.0.0.1:\(listener.port)"
        let html = """
            <!doctype html><html><head><title>T</title><link rel="stylesheet" href="\(remote)/style.css"></head>
            <body><h1 style="background: url(\(remote)/background.png)">Title</h1>
            <img src="\(remote)/pixel.png" alt="Pixel"><img src="file:///etc/hostname" alt="Elsewhere">
            <img src="img/local.svg" alt="Local"></body></html>
            """
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#.utf8)
        let bytes = try engine.render(html: html, htmlPath: "page.html", files: ["img/local.svg": svg], epoch: 0)
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        #expect(!listener.hasPendingConnection(), "WeasyPrint connected to \(remote)")
    }

    /// A TCP listener on 127.0.0.1 with a free port; a connection attempt waits in its backlog.
    final class Listener {
        let socket: Int32
        let port: UInt16

        init() throws {
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
            guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            socket = fd
            port = UInt16(bigEndian: address.sin_port)
        }

        func hasPendingConnection() -> Bool {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            return poll(&poller, 1, 0) > 0
        }

        func close() { Glibc.close(socket) }
    }
}
