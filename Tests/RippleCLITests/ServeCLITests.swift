import Foundation
import Synchronization
import Testing

/// `ripple serve` as people run it: it announces the address, rebuilds on save (with stage timings under
/// `--verbose`), and stops cleanly on Ctrl-C.
@Suite struct ServeCLITests {
    @Test(.timeLimit(.minutes(3))) func verboseServeRebuildsOnSaveAndStopsOnInterrupt() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "ripple-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = CLITests()
        #expect(try cli.ripple(["new", "site", "--no-data"], in: folder).status == 0)

        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["serve", "--source", "site", "--port", "0", "--verbose"]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        let text = Mutex("")
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        func waitFor(_ needle: String) -> Bool {
            // Bounded wait (not a timing assertion).
            for _ in 0..<1200 {
                if text.withLock({ $0.contains(needle) }) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        #expect(waitFor("Serving "), "\(text.withLock { $0 })")
        let page = folder.appending(path: "site/content/index.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nSaved while serving.\n").write(to: page, atomically: true, encoding: .utf8)
        #expect(waitFor("Rebuilt in "), "\(text.withLock { $0 })")
        let afterStart = text.withLock { $0.components(separatedBy: "Serving ").last ?? "" }
        #expect(afterStart.contains("Stages: load "), "the rebuild's stages")

        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(waitFor("Stopped."), "\(text.withLock { $0 })")
        out.fileHandleForReading.readabilityHandler = nil
    }
}
