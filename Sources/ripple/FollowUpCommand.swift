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

    func run() throws {
        let job = ProgramTeamJob(source: place.sourceURL)
        do throws(DiagnosticError) {
            let loaded = try job.load()
            let folder = place.folder(loaded.config)
            try folder.check()
            Console.report(loaded.warnings)
            let (files, lists) = job.followUp(loaded)
            try folder.write(files)
            print("Listed \(lists.atRisk.count) pairs at risk, \(lists.waiting.count) mentees waiting, \(lists.unclosed.count) unclosed pairs, "
                  + "\(lists.overCapacity.count) mentors over capacity and \(lists.trainedNeverPaired.count) trained people never paired "
                  + "in \(folder.path)/followup.csv and followup.html")
        } catch {
            throw Console.failure(error.diagnostics) { "No lists written: \($0)." }
        }
    }
}
