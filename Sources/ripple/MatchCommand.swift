import ArgumentParser
import Foundation
import RippleBuild
import RippleCore

/// `ripple match`: suggests mentors for the waiting mentees, into the private folder.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Suggest a mentor for every waiting mentee: matches.csv (pairs.csv form) and matches.html, with personal data, in the private folder.")

    @OptionGroup var place: PrivatePlace

    @Option(name: .long, help: "The cohort the new pairs join: its program type sets the level rule and reciprocal fit, its id fills cohort_id.")
    var cohort: String?

    func run() throws {
        let job = ProgramTeamJob(source: place.sourceURL)
        do throws(DiagnosticError) {
            let loaded = try job.load()
            let folder = place.folder(loaded.config)
            try folder.check()
            Console.report(loaded.warnings)
            let (files, plan) = try job.match(loaded, cohortID: cohort)
            try folder.write(files)
            let matched = plan.suggestions.count { $0.mentor != nil }
            print("Suggested \(matched) pairs for \(plan.suggestions.count) waiting mentees (total score \(plan.total)) in \(folder.path)/matches.csv and matches.html")
            if plan.repricings > 0 { print("(candidates widened \(plan.repricings) time\(plan.repricings == 1 ? "" : "s") until the total was proven the best over all pairs)") }
        } catch {
            throw Console.failure(error.diagnostics) { "No suggestions written: \($0)." }
        }
    }
}

/// Where `ripple match` and `ripple followup` read the site and write their private files.
struct PrivatePlace: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding ripple.yaml).")
    var source: String = "."

    @Option(name: .long, help: "The folder to write to (default: private_dir of ripple.yaml, 'private' in the site folder). Refused inside the site's output folder.")
    var output: String?

    @Option(name: .customLong("site-output"), help: "The site's output folder as `ripple build --output` names it, which the private folder must stay out of.")
    var siteOutput: String = "public"

    var sourceURL: URL { URL(fileURLWithPath: source) }

    func folder(_ config: SiteConfig) -> PrivateFolder {
        let site = siteOutput.hasPrefix("/") ? URL(fileURLWithPath: siteOutput)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: siteOutput)
        let path = output ?? relative(sourceURL.appending(path: config.privateDir).standardizedFileURL.path)
        return PrivateFolder(path: path, source: sourceURL, siteOutput: site)
    }

    private func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }
}
