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

    @Flag(name: .customLong("no-link-check"), help: "Skip checking that every link and #anchor of the built site works.")
    var noLinkCheck = false

    @Flag(help: "Rebuild only what changed since the last `--incremental` build, keeping state in <site>/.ripple-cache/ (safe to delete).")
    var incremental = false

    @Option(name: .customLong("data-snapshot"), help: "Also write the program data the build read (from files, a workbook or a database) as CSV into this folder; building with it as content/data gives the same site.")
    var dataSnapshot: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every stage's timing.")
    var verbose = false

    func validate() throws {
        if dataSnapshot != nil, incremental {
            throw ValidationError("--data-snapshot works with full builds only; leave out --incremental")
        }
        if let baseURL, !baseURL.isEmpty, let problem = ConfigParser.baseURLProblem(baseURL, name: "--base-url") {
            throw ValidationError(problem + " (" + ConfigParser.baseURLHint + ")")
        }
    }

    func run() throws {
        let start = ContinuousClock.now
        let sourceURL = URL(fileURLWithPath: source)
        let outputURL = output.hasPrefix("/") ? URL(fileURLWithPath: output) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: output)
        var options = BuildOptions(assembler: SiteAssembler(includeDrafts: drafts, baseURL: baseURL))
        options.checkLinks = !noLinkCheck
        options.listsExternalLinks = false  // not shown by `ripple build`
        options.dataSnapshot = dataSnapshot.map { URL(fileURLWithPath: $0) }
        if !quiet { options.progress = Console.progress }
        Interruption.stopChildrenOnSignal()
        do {
            let report: SiteBuilder.Report
            let cache = IncrementalCache(source: sourceURL, output: outputURL)
            if incremental {
                let clock = ContinuousClock()
                let loadStart = clock.now
                let (state, note) = cache.load()
                let loading = clock.now - loadStart
                var built = try SiteBuilder(source: sourceURL, output: outputURL, options: options, state: state).build()
                if let note { built.diagnostics.insert(note, at: 0) }
                let saveStart = clock.now
                cache.save(state)
                // Left to the process's exit: freeing a 10,000-page state object by object took 7 % of the build.
                _ = Unmanaged.passRetained(state)
                built.timings.record("cache", loading + (clock.now - saveStart))
                report = built
            } else {
                cache.remove()  // a full build replaces the output, so a saved manifest would no longer describe it
                report = try SiteBuilder(source: sourceURL, output: outputURL, options: options).build()
            }
            Console.report(report.diagnostics, quiet: quiet)
            if verbose { print("Stages: \(report.timings.summary)") }
            if !quiet {
                let verb = incremental ? "Rebuilt" : "Built"
                print("\(verb) \(report.pagesWritten) pages (\(report.filesWritten) files) into \(output) in \(Console.elapsed(since: start))")
                if let privacy = report.privacy { print(Console.privacyLine(privacy)) }
            }
        } catch {
            throw Console.failure(error.diagnostics) { "Build failed: \($0); \(output) was left as it was." }
        }
    }
}
