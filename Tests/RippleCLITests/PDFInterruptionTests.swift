import Foundation
import RippleTestSupport
import Testing

/// SIGTERM to a real `ripple guide --format pdf` while WeasyPrint runs: WeasyPrint (and its process group)
/// ends with Ripple, and no `ripple-pdf-*` folder is left behind. Waits on conditions, never on sleeps.
@Suite struct PDFInterruptionTests {
    static let weasyprint = ["/usr/bin/weasyprint", "/usr/local/bin/weasyprint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: RequiredTool.present("weasyprint"), "needs WeasyPrint (apt-get install weasyprint)"))
    func sigtermStopsWeasyPrintAndRemovesItsFolder() throws {
        try #require(Self.weasyprint != nil, "the test needs WeasyPrint (apt-get install weasyprint)")
        let work = FileManager.default.temporaryDirectory.appending(path: "ripple-sigterm-\(UUID().uuidString)")
        let site = work.appending(path: "site"), temporary = work.appending(path: "tmp")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appending(path: "content/guide"), withIntermediateDirectories: true)
        try "title: T\nguide:\n  pdf: always\n".write(to: site.appending(path: "ripple.yaml"), atomically: true, encoding: .utf8)
        try "# Start\n\nHello.\n".write(to: site.appending(path: "content/guide/01-start.md"), atomically: true, encoding: .utf8)
        // Enough pages to keep WeasyPrint busy for minutes.
        let long = (1...20_000).map { "Paragraph \($0) of a chapter that takes WeasyPrint a long time to lay out." }
        try ("# Long\n\n" + long.joined(separator: "\n\n")).write(to: site.appending(path: "content/guide/02-long.md"),
                                                                   atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["guide", "--format", "pdf", "--output", "guide.pdf"]
        process.currentDirectoryURL = site
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let ripple = process.processIdentifier
        defer { if process.isRunning { kill(ripple, SIGKILL) } }

        // WeasyPrint started (a child of Ripple) in its temporary folder.
        var child: Int32?
        let started = Self.waitFor(seconds: 120) {
            child = Self.children(of: ripple).first
            return child != nil && !Self.pdfFolders(in: temporary).isEmpty
        }
        try #require(started, "WeasyPrint did not start")
        kill(ripple, SIGTERM)
        try #require(Self.waitFor(seconds: 30) { !process.isRunning }, "ripple did not stop")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(Self.waitFor(seconds: 10) { Self.isGone(child!) }, "WeasyPrint (\(child!)) still runs")
        #expect(Self.pdfFolders(in: temporary).isEmpty)
        let printed = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed == "Making the guide's PDF with WeasyPrint (2 chapters)…\n")
    }

    /// Checks `condition` every 20 ms until it holds or `seconds` have passed.
    static func waitFor(seconds: Int, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    static func pdfFolders(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("ripple-pdf-") }
    }

    /// Ids of the running processes whose parent is `parent`.
    static func children(of parent: Int32) -> [Int32] {
        let ids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return ids.filter { id in
            guard let stat = try? String(contentsOfFile: "/proc/\(id)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && fields[0] != "Z" && Int32(fields[1]) == parent
        }
    }

    /// Whether a process has ended (gone, or a zombie nobody reaps).
    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }
}
