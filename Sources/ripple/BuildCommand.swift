import ArgumentParser
import Foundation
import RippleBuild
import RippleCore

/// `ripple build`: writes the whole site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @Option(name: .long, help: "The site folder (holding ripple.yaml).")
    var source: String = "."

    @Option(name: .long, help: "Where to write the site; replaced as a whole when the build succeeds.")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "The published site's address, overriding base_url in ripple.yaml.")
    var baseURL: String?

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every stage's timing.")
    var verbose = false

    func run() throws {
        let start = ContinuousClock.now
        let sourceURL = URL(fileURLWithPath: source)
        let outputURL = output.hasPrefix("/") ? URL(fileURLWithPath: output) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: output)
        let builder = SiteBuilder(source: sourceURL, output: outputURL,
                                  assembler: SiteAssembler(includeDrafts: drafts, baseURL: baseURL))
        do {
            let report = try builder.build()
            Console.report(report.diagnostics, quiet: quiet)
            if verbose { print("Stages: \(report.timings.summary)") }
            if !quiet {
                print("Built \(report.pagesWritten) pages (\(report.filesWritten) files) into \(output) in \(Console.elapsed(since: start))")
            }
        } catch {
            Console.report(error.diagnostics)
            Console.printError("Build failed: \(Console.tally(error.diagnostics)); \(output) was left as it was.")
            throw ExitCode(1)
        }
    }
}
