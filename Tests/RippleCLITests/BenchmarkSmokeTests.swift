import Foundation
import Testing

/// Runs the benchmark in its smoke mode (`bench/bench.py --quick`) with the test build's executable, so the
/// harness never rots. Its timings are not asserted: speed is measured by the benchmark itself, in release.
@Suite struct BenchmarkSmokeTests {
    @Test func quickBenchmarkRunsAndPrintsEveryFigure() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let work = FileManager.default.temporaryDirectory.appending(path: "ripple-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appending(path: "bench/bench.py").path, "--quick", "--work", work.path]
        var environment = ProcessInfo.processInfo.environment
        environment["RIPPLE_BIN"] = CLITests.executable.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        for figure in ["(a) ripple build", "(b) ripple build, large program", "(b) data load + validation:",
                       "(b) metrics, every period:", "(a) peak memory:", "(a) serve rebuild after editing one chapter",
                       "(s) sample site, save → reload event:", "(a) with guide downloads, 1 run",
                       "(a) with guide downloads (EPUB and print edition, no PDF), stages:", "benchmark time:"] {
            #expect(text.contains(figure), "missing '\(figure)' in:\n\(text)")
        }
    }
}
