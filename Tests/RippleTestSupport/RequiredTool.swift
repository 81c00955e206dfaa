import Foundation

/// A program that tests drive to check Ripple's output (epubcheck, WeasyPrint, pdftotext).
///
/// On a developer's machine a test whose tool is missing is skipped, saying what to install. In CI
/// (`CI=true`) it runs anyway and fails at its `#require`, so a green CI run means every tool really
/// checked the output; `scripts/test.sh` installs them all.
public enum RequiredTool {
    /// Whether this run is CI's, where no test may be skipped for a missing tool.
    public static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// True when every named program is on the PATH, or in CI (where the test must then fail).
    public static func present(_ names: String...) -> Bool {
        isCI || names.allSatisfy { path(of: $0) != nil }
    }

    /// The program's full path, or nil when it is not on the PATH.
    public static func path(of name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.lazy.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
