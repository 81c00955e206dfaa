import ArgumentParser
import Foundation
import RippleBuild
import RippleCore

/// `ripple check`: validates configuration, content, templates and program data without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
                                                    abstract: "Check the site and its program data; write nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "The site folder (holding ripple.yaml).")
    var source: String = "."

    @Option(name: .long, help: "Output format: text (compiler-style lines) or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Also build the site into a temporary folder and check every link and #anchor in it.")
    var links = false

    @Flag(name: .long, help: "List the links to other sites (they are never fetched); implies --links.")
    var external = false

    @Flag(name: .long, help: "Also audit the built site's data/metrics.json: list every hidden figure that can be worked out from the published ones.")
    var privacy = false

    @Option(name: .long, help: "With --privacy: the folder the site was built into (default: public in the site folder).")
    var output: String?

    func run() throws {
        let start = ContinuousClock.now
        let sourceURL = URL(fileURLWithPath: source)
        var diagnostics = SiteBuilder(source: sourceURL, output: sourceURL.appending(path: "public")).check()
        var externalLinks: [LinkChecker.ExternalLink] = []
        if links || external, !diagnostics.hasErrors {  // essentials: `--links` builds into a temporary folder
            let checked = buildAndCheckLinks()
            diagnostics = checked.diagnostics
            externalLinks = checked.external
        }
        var audit: PrivacyCheck?
        if privacy {
            audit = PrivacyCheck(builtSite: output.map { URL(fileURLWithPath: $0) } ?? sourceURL.appending(path: "public"))
            diagnostics += audit!.diagnostics
        }
        switch format {
        case .text:
            Console.report(diagnostics)
            if external { printExternal(externalLinks) }
            if let audit { print(audit.summary) }
            print("Checked \(source) in \(Console.elapsed(since: start)): \(Console.tally(diagnostics))")
        case .json:
            print(DiagnosticJSON.encode(diagnostics))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// Builds into a temporary folder (removed afterwards) so that the link check runs on real output.
    private func buildAndCheckLinks() -> (diagnostics: [Diagnostic], external: [LinkChecker.ExternalLink]) {
        let temporary = FileManager.default.temporaryDirectory.appending(path: "ripple-check-\(ProcessInfo.processInfo.processIdentifier)")
        let builder = SiteBuilder(source: URL(fileURLWithPath: source), output: temporary.appending(path: "site"))
        let result: ([Diagnostic], [LinkChecker.ExternalLink])
        do {
            let report = try builder.build()
            result = (report.diagnostics, report.externalLinks)
        } catch {
            result = (error.diagnostics, [])
        }
        try? FileManager.default.removeItem(at: temporary)
        return result
    }

    private func printExternal(_ links: [LinkChecker.ExternalLink]) {
        print(links.isEmpty ? "No links to other sites." : "Links to other sites (not fetched):")
        for link in links {
            var pages = link.pages.prefix(3).map(Console.neutralised).joined(separator: ", ")
            if link.pages.count > 3 { pages += ", … (\(link.pages.count) pages)" }
            print("  \(Console.neutralised(link.url))  — on \(pages)")  // addresses come from content
        }
    }
}
