import Foundation
import RippleCore
import RipplePrivacy

/// `ripple check --privacy`: reads the built metrics.json (only what is published) and runs the
/// privacy audit on it.
struct PrivacyCheck {
    /// The audit's findings, as errors located in the metrics file; or why it could not run.
    var diagnostics: [Diagnostic] = []
    /// One line for the summary.
    var summary = ""

    init(builtSite: URL) {
        let url = builtSite.appending(path: "data/metrics.json")
        let display = url.path.hasPrefix(FileManager.default.currentDirectoryPath + "/")
            ? String(url.path.dropFirst(FileManager.default.currentDirectoryPath.count + 1)) : url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics = [.error("there is no built metrics.json to audit", at: SourceLocation(file: display),
                                  hint: "build the site first (ripple build), or give its folder with --output")]
            return
        }
        let figures: PublishedFigures
        do throws(PublishedFigures.Unreadable) {
            figures = try PublishedFigures(json: String(decoding: data, as: UTF8.self))
        } catch {
            diagnostics = [.error("cannot audit this metrics.json: \(error.reason)", at: SourceLocation(file: display),
                                  hint: "rebuild the site with ripple build; the file must be the one Ripple wrote")]
            return
        }
        let findings = PrivacyAudit().findings(in: figures)
        diagnostics = PrivacyAudit().diagnostics(findings, severity: .error, file: display)
        let hidden = figures.cells.filter(\.hidden).count
        summary = findings.isEmpty
            ? "Privacy audit: none of the \(hidden) hidden figures can be worked out from the published ones."
            : "Privacy audit: \(findings.count) of the \(hidden) hidden figures can be worked out from the published ones."
    }
}
