import Foundation
import RippleCore

/// Where a build writes its site, and how it is committed: staged in a folder beside the output and swapped in
/// (`StagedOutput`, builds without a state), or in place, writing only the files whose bytes changed
/// (`IncrementalOutput`, builds with a state). Either way a build that fails leaves the output as it was.
protocol SiteOutput: OutputSink {
    /// The folder files not at hand are read back from before the commit (the link check).
    var folder: URL { get }
    /// Output path → hash of every file this build wrote (or found already there with the same bytes).
    var produced: [String: UInt64] { get }
    /// Exact scans of the HTML pages and stylesheets whose bytes changed; empty when the output keeps none.
    var scans: [String: LinkScanner.Page] { get }
    /// How many files, and how many of them HTML pages, this build wrote.
    var changed: (files: Int, pages: Int) { get }
    /// The HTML pages written with new bytes, sorted.
    var changedPages: [String] { get }
    /// Makes the output what `outcome` describes: this build's files and the ones it kept.
    func commit(_ outcome: ManifestUpdate) throws(DiagnosticError)
    /// Abandons the build, leaving the output as it was.
    func discard()
}
