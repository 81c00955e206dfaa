import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// The runner of other programs: time and memory limits, the process group, the temporary folder on every
/// way out, and stopping everything on a signal.
@Suite struct ExternalProcessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    func process(_ script: String, seconds: Int = 60, memoryMB: Int = 0, registry: ExternalProcess.Registry = .init()) -> ExternalProcess {
        var process = ExternalProcess(executable: Self.shell, arguments: ["-c", script],
                                      environment: ["PATH": "/usr/bin:/bin"], limits: .init(seconds: seconds, memoryMB: memoryMB))
        process.registry = registry
        return process
    }

    /// Runs and returns the outcome, the folder it ran in and the ids it wrote to `pids` (itself and a child).
    func run(_ process: ExternalProcess) throws -> (run: ExternalProcess.Run, folder: URL, pids: [Int32]) {
        try process.run(folderPrefix: "ripple-test", prepare: { _ in }, collect: { folder, run in
            let text = (try? String(contentsOf: folder.appending(path: "pids"), encoding: .utf8)) ?? ""
            return (run, folder, text.split(separator: "\n").compactMap { Int32($0) })
        })
    }

    /// Whether a process is gone (or a zombie nobody reaps), waiting up to 10 s for it to go.
    static func ends(_ pid: Int32) -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func aRunGetsItsFolderAndTheFolderGoesAfterwards() throws {
        let result = try run(process("echo hello > out; echo $$ > pids; cat out; echo oops >&2; exit 3"))
        #expect(result.run.outcome == .exited(3))
        #expect(result.run.errors == "oops\n")
        #expect(result.folder.lastPathComponent.hasPrefix("ripple-test-\(getpid())-"))
        #expect(!FileManager.default.fileExists(atPath: result.folder.path))
    }

    @Test func theTimeLimitKillsTheProgramAndItsChildren() throws {
        // Had the limit not killed them, `wait` would have returned after the child's 60 s with exit 0, not
        // `.timedOut`; that both processes are gone is the condition, no clock needed.
        let result = try run(process("echo $$ > pids; sleep 60 & echo $! >> pids; wait", seconds: 1))
        #expect(result.run.outcome == .timedOut)
        #expect(result.pids.count == 2)
        for pid in result.pids { #expect(Self.ends(pid), "process \(pid) still runs") }
        #expect(!FileManager.default.fileExists(atPath: result.folder.path))
    }

    @Test func theMemoryLimitStopsAProgramThatAsksForMore() throws {
        let python = "/usr/bin/python3"
        try #require(FileManager.default.isExecutableFile(atPath: python), "the test needs \(python)")
        var limited = process("", memoryMB: 200)
        limited.executable = URL(fileURLWithPath: python)
        limited.arguments = ["-c", "x = bytearray(600 * 1024 * 1024)"]
        let result = try run(limited)
        #expect(result.run.outcome == .exited(1))
        #expect(result.run.ranOutOfMemory, "stderr: \(result.run.errors)")
        // The same program within the limit runs.
        limited.limits.memoryMB = 2048
        #expect(try run(limited).run.outcome == .exited(0))
    }

    @Test func aFailingPreparationStillRemovesTheFolder() {
        var seen: URL?
        #expect(throws: CocoaError.self) {
            try process("true").run(folderPrefix: "ripple-test", prepare: { folder in
                seen = folder
                throw CocoaError(.fileWriteOutOfSpace)
            }, collect: { _, _ in () })
        }
        #expect(seen != nil && !FileManager.default.fileExists(atPath: seen!.path))
    }

    @Test func stopAllKillsTheRunningGroupAndRemovesItsFolder() throws {
        let registry = ExternalProcess.Registry()
        let running = process("echo $$ > pids; sleep 60 & echo $! >> pids; wait", registry: registry)
        let outcome = Outcome()
        let thread = Thread { outcome.set(try? self.run(running)) }
        thread.start()
        let deadline = ContinuousClock.now + .seconds(20)
        while registry.groups.isEmpty, ContinuousClock.now < deadline { usleep(10_000) }
        let group = try #require(registry.groups.first, "the program did not start")
        #expect(registry.stopAll() == 1)
        while outcome.value == nil, ContinuousClock.now < deadline { usleep(10_000) }
        let result = try #require(outcome.value)
        #expect(result.run.outcome == .stopped)
        #expect(Self.ends(group))
        #expect(!FileManager.default.fileExists(atPath: result.folder.path))
    }

    /// A run's result handed from its thread.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (run: ExternalProcess.Run, folder: URL, pids: [Int32])?
        var value: (run: ExternalProcess.Run, folder: URL, pids: [Int32])? { lock.withLock { stored } }
        func set(_ value: (run: ExternalProcess.Run, folder: URL, pids: [Int32])?) { lock.withLock { stored = value } }
    }
}
