import Foundation
import Testing

/// `ripple check --privacy` audits the built metrics.json: a planted derivation is an error
/// located in the file, with the equation that reveals it; a missing file says to build first.
@Suite struct PrivacyCheckTests {
    let cli = CLITests()

    @Test func aDerivableHiddenRateIsAnError() throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try cli.ripple(["new", "site"], in: folder).status == 0)
        let missing = try cli.ripple(["check", "--privacy", "--source", "site"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr == "site/public/data/metrics.json: error: there is no built metrics.json to audit\n"
                + "  hint: build the site first (ripple build), or give its folder with --output\n")
        let data = folder.appending(path: "built/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("""
        {"min_group_size": 5, "periods": [{"id": "all", "kind": "all", "sessions_completed": 10, "pairs_active": 2,
         "sessions_per_active_pair": null, "suppressed": ["sessions_per_active_pair"]}], "reach": []}
        """.utf8).write(to: data.appending(path: "metrics.json"))
        let run = try cli.ripple(["check", "--privacy", "--source", "site", "--output", "built"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "built/data/metrics.json: error: the hidden figure all sessions_per_active_pair can be worked out "
                + "as 5 from the published ones\n  hint: revealed by: all sessions_per_active_pair ≈ (all sessions_completed) ÷ "
                + "(all pairs_active); report this to the Ripple maintainers, and do not publish this build\n")
        #expect(run.stdout.contains("Privacy audit: 1 of the 1 hidden figures can be worked out from the published ones.\n"))
    }
}
