import Foundation
import Testing

/// The cases under `tests/hostile/` (see its README): hostile and mistaken inputs run against the real
/// executable, each with the exact diagnostic and exit code it must produce.
@Suite struct HostileInputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "tests/hostile")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }()

    @Test func theSuiteIsThere() {
        #expect(Self.cases.count > 0, "no cases under \(Self.root.path)")
    }

    @Test(arguments: cases) func hostileCase(_ name: String) throws {
        let caseFolder = Self.root.appending(path: name)
        let work = FileManager.default.temporaryDirectory.appending(path: "ripple-hostile-\(name)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: Self.root.appending(path: "_base"), to: work)
        let environment = ["RIPPLE": CLITests.executable.path]
        if !exists(caseFolder.appending(path: "no-data")) {
            let data = try run(CLITests.executable.path, ["sample-data", "--out", "content/data", "--participants", "60"],
                               in: work, timeout: 60)
            try #require(data.status == 0, "sample-data: \(data.stderr)")
        }
        let site = caseFolder.appending(path: "site")
        if exists(site) { try overlay(site, onto: work) }
        let setup = caseFolder.appending(path: "setup.sh")
        if exists(setup) {
            let result = try run("/bin/bash", [setup.path], in: work, timeout: 120, environment: environment)
            try #require(result.status == 0, "setup.sh failed: \(result.stderr)")
        }
        let arguments = try String(contentsOf: caseFolder.appending(path: "command"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).first.map { $0.split(separator: " ").map(String.init) } ?? []
        let timeoutFile = caseFolder.appending(path: "timeout")
        let timeout = exists(timeoutFile)
            ? Double(try String(contentsOf: timeoutFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 60
            : 60
        let result = try run(CLITests.executable.path, arguments, in: work, timeout: timeout)
        #expect(!result.timedOut, "ripple \(arguments.joined(separator: " ")) ran past \(timeout) s")

        let expected = try String(contentsOf: caseFolder.appending(path: "expected"), encoding: .utf8)
        var lines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        #expect(statusLine == "exit: \(result.status)", "stderr was:\n\(result.stderr)")
        if lines.first == "stderr-contains:" {
            for line in lines.dropFirst() where !line.isEmpty {
                #expect(result.stderr.contains(line), "missing \(line) in:\n\(result.stderr)")
            }
        } else {
            #expect(result.stderr == lines.joined(separator: "\n"))
        }
        let check = caseFolder.appending(path: "check.sh")
        if exists(check) {
            let checked = try run("/bin/bash", [check.path], in: work, timeout: 60, environment: environment)
            #expect(checked.status == 0, "check.sh: \(checked.stdout)\(checked.stderr)")
        }
    }

    private func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Copies every file of `source` into `destination`, replacing files of the same name.
    private func overlay(_ source: URL, onto destination: URL) throws {
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: source.path) else { return }
        while let relative = walker.nextObject() as? String {
            let from = source.appending(path: relative), to = destination.appending(path: relative)
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: from.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                try manager.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                try? manager.removeItem(at: to)
                try manager.copyItem(at: from, to: to)
            }
        }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs a program to its end or until `timeout` seconds have passed (then kills it).
    private func run(_ executable: String, _ arguments: [String], in folder: URL, timeout: Double,
                     environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read both pipes while the program runs, so that a chatty one cannot fill a pipe and stall.
        let outData = Collected(), errData = Collected()
        let readers = DispatchGroup()
        DispatchQueue.global().async(group: readers) { outData.data = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: readers) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        readers.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self), timedOut: timedOut)
    }

    /// What one reader thread collected; read only after the readers' group has finished.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
