import Foundation
import RippleCore
#if canImport(Glibc)
import Glibc
#endif

/// The folder `ripple match` and `ripple followup` write personal data to: never inside the published output
/// folder (so neither the site nor `ripple serve` can reach it), never among the site's own sources.
package struct PrivateFolder: Sendable {
    /// The folder as the user gave it or as `private_dir` names it, for messages.
    package var path: String
    /// The site folder.
    package var source: URL
    /// The site's output folder (`ripple build --output`, default `public`).
    package var siteOutput: URL

    /// Describes the private folder `path` (absolute, or relative to the current folder) of the site in `source`.
    package init(path: String, source: URL, siteOutput: URL) {
        self.path = path; self.source = source; self.siteOutput = siteOutput
    }

    private var url: URL { URL(fileURLWithPath: path).standardizedFileURL }

    /// Whether `folder` is `outer` or lies inside it, links resolved.
    static func isWithin(_ folder: URL, _ outer: URL) -> Bool {
        let inner = OutputFolder.resolved(folder.standardizedFileURL.path), outer = OutputFolder.resolved(outer.standardizedFileURL.path)
        return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// Throws when the folder lies inside the site's output folder, or inside content/ or templates/.
    package func check() throws(DiagnosticError) {
        if Self.isWithin(url, siteOutput) || Self.isWithin(siteOutput, url) {
            throw DiagnosticError(.error("the private folder '\(path)' lies inside or around the site's output folder '\(siteOutput.path)', where the published site or `ripple serve` could show it",
                                         hint: "write personal data outside the output folder: set private_dir in ripple.yaml or --output to a folder such as 'private'"))
        }
        for own in ["content", "templates"] where Self.isWithin(url, source.appending(path: own)) {
            throw DiagnosticError(.error("the private folder '\(path)' lies inside the site's \(own)/ folder, which the site is built from",
                                         hint: "choose a folder outside content/ and templates/, such as 'private'"))
        }
    }

    /// Creates the folder (readable by its owner only) and writes each file into it whole.
    package func write(_ files: [(name: String, bytes: [UInt8])]) throws(DiagnosticError) {
        try check()
        var info = stat()
        if stat(url.path, &info) != 0 {
            do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
            catch {
                throw DiagnosticError(.error("cannot create the private folder '\(path)': \(error.localizedDescription)",
                                             hint: "check that its parent folder exists and is writable, or choose another --output"))
            }
        }
        for file in files {
            let target = url.appending(path: file.name)
            if file.name.contains("/") {
                try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])
            }
            try SingleFileOutput(path: target.path, source: source).write(file.bytes)
        }
    }

    /// A warning for `ripple build` when the site's private folder lies inside the output folder it builds into.
    package static func buildWarning(config: SiteConfig, source: URL, output: URL) -> Diagnostic? {
        let folder = source.appending(path: config.privateDir)
        guard isWithin(folder, output) else { return nil }
        return .warning("the private folder '\(config.privateDir)' lies inside the output folder, so the personal data of `ripple match` and `ripple followup` there would be published",
                        at: SourceLocation(file: ConfigParser.fileName),
                        hint: "move the output folder (--output) or private_dir so that neither holds the other")
    }
}
