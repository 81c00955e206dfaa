import ArgumentParser
import Foundation
import RippleBuild
import RippleCore

/// `ripple followup`: the program team's lists of pairs and people to contact, into the private folder.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "List at-risk pairs, long waits, unclosed pairs, mentors over capacity and trained people never paired: followup.csv and followup.html, with personal data, in the private folder.")

    @OptionGroup var place: PrivatePlace

    /// What to write besides the lists.
    enum Format: String, ExpressibleByArgument { case lists, email }

    @Option(name: .long, help: "lists (followup.csv and followup.html) or email (also one unsent .eml per person to nudge, in email/, for your own mail program to send).")
    var format: Format = .lists

    func run() throws {
        let job = ProgramTeamJob(source: place.sourceURL)
        do throws(DiagnosticError) {
            let loaded = try job.load()
            let folder = place.folder(loaded.config)
            try folder.check()
            Console.report(loaded.warnings)
            let (files, lists) = job.followUp(loaded, emails: format == .email)
            try folder.write(files)
            print("Listed \(lists.atRisk.count) pairs at risk, \(lists.waiting.count) mentees waiting, \(lists.unclosed.count) unclosed pairs, "
                  + "\(lists.overCapacity.count) mentors over capacity and \(lists.trainedNeverPaired.count) trained people never paired "
                  + "in \(folder.path)/followup.csv and followup.html")
            let messages = files.count { $0.name.hasPrefix("email/") }
            if format == .email { print("Wrote \(messages) unsent messages to \(folder.path)/email/ (Ripple sends nothing)") }
        } catch {
            throw Console.failure(error.diagnostics) { "No lists written: \($0)." }
        }
    }
}
