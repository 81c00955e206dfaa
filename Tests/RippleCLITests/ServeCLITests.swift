import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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

    /// Issue 23, item 12: the preview is built in a new folder only this user can open, which is removed when
    /// `ripple serve` is stopped by Ctrl-C (SIGINT) or SIGTERM.
    @Test(.timeLimit(.minutes(3)), arguments: [SIGINT, SIGTERM])
    func thePreviewFolderIsPrivateAndRemovedWhenStopped(signal: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "ripple-serve-cli-\(UUID().uuidString)")
        let temp = folder.appending(path: "tmp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLITests().ripple(["new", "site", "--no-data"], in: folder).status == 0)

        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["serve", "--source", "site", "--port", "0"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temp.path
        process.environment = environment
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
        // Bounded waits on conditions (not timing assertions).
        func waitUntil(_ condition: () -> Bool) -> Bool {
            for _ in 0..<1200 {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        let serving = #/Serving .* at (http://127\.0\.0\.1:\d+/)/#
        #expect(waitUntil { text.withLock { $0.contains(serving) } }, "\(text.withLock { $0 })")
        let address = try #require(text.withLock { $0.firstMatch(of: serving).map { String($0.1) } })

        let previews = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.hasPrefix("ripple-serve-") }
        #expect(previews.count == 1)
        let preview = temp.appending(path: try #require(previews.first))
        var info = stat()
        #expect(lstat(preview.path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFDIR)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(FileManager.default.fileExists(atPath: preview.appending(path: "site/index.html").path))
        let page = try String(contentsOf: URL(string: address)!, encoding: .utf8)
        #expect(page.contains("data-ripple-live-reload"))

        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(waitUntil { !FileManager.default.fileExists(atPath: preview.path) }, "the preview folder is left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).isEmpty)
        out.fileHandleForReading.readabilityHandler = nil
    }
}
