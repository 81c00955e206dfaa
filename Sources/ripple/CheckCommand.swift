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

    func run() throws {
        let start = ContinuousClock.now
        let sourceURL = URL(fileURLWithPath: source)
        let diagnostics = SiteBuilder(source: sourceURL, output: sourceURL.appending(path: "public")).check()
        switch format {
        case .text:
            Console.report(diagnostics)
            print("Checked \(source) in \(Console.elapsed(since: start)): \(Console.tally(diagnostics))")
        case .json:
            print(DiagnosticJSON.encode(diagnostics))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
