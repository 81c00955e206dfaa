import Foundation
import RippleAutomation
import RippleCore

/// `ripple match` and `ripple followup`: read the site's program as a build does, and make the program team's
/// private files from it. Nothing here reaches the published site.
package struct ProgramTeamJob: Sendable {
    /// The site folder.
    package var source: URL

    /// Creates a job for the site in `source`.
    package init(source: URL) { self.source = source }

    /// What the job read: the settings, the program and the reporting date metrics.json uses.
    package struct Loaded: Sendable {
        package var config: SiteConfig
        package var program: Program
        package var asOf: Day
        package var warnings: [Diagnostic]
    }

    /// Loads and checks the site's data; throws its errors, or an error when it has no program data.
    package func load() throws(DiagnosticError) -> Loaded {
        let files = try SiteLoader(root: source).load()
        let assembled = SiteAssembler().assemble(files)
        guard let model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        guard let program = assembled.program, let metrics = model.metrics else {
            throw DiagnosticError(.error("the site has no program data to work from",
                                         hint: "add the program's data files under content/data/ (see docs/data-format.md)"))
        }
        return Loaded(config: model.config, program: program, asOf: metrics.asOf,
                      warnings: assembled.diagnostics.filter { $0.severity != .error })
    }

    /// `matches.csv` and `matches.html` for the waiting mentees; with `cohortID`, under that cohort's type and id.
    package func match(_ loaded: Loaded, cohortID: String?) throws(DiagnosticError) -> (files: [(name: String, bytes: [UInt8])], plan: MatchPlanner.Plan) {
        var type = ProgramType.traditional
        if let cohortID {
            guard let cohort = loaded.program.cohorts.first(where: { $0.id == cohortID }) else {
                let known = loaded.program.cohorts.map(\.id).suffix(5).joined(separator: ", ")
                throw DiagnosticError(.error("there is no cohort '\(cohortID)' in cohorts.csv",
                                             hint: "give --cohort the cohort_id of a cohort in the data (the latest: \(known))"))
            }
            type = cohort.programType
        }
        let plan = MatchPlanner(program: loaded.program, settings: loaded.config.matching, type: type, asOf: loaded.asOf).plan()
        let review = MatchReview(program: loaded.program, plan: plan, cohortID: cohortID, asOf: loaded.asOf)
        return ([("matches.csv", review.csv), ("matches.html", Array(review.page.html.utf8))], plan)
    }

    /// `followup.csv` and `followup.html`; with `emails`, also one unsent message per person to nudge (`email/*.eml`).
    package func followUp(_ loaded: Loaded, emails: Bool = false) -> (files: [(name: String, bytes: [UInt8])], lists: FollowUpLists) {
        let lists = FollowUpLists(program: loaded.program, settings: loaded.config, asOf: loaded.asOf)
        let review = FollowUpReview(program: loaded.program, lists: lists, settings: loaded.config)
        var files = [("followup.csv", review.csv), ("followup.html", Array(review.page.html.utf8))]
        if emails { files += NudgeEmails(program: loaded.program, lists: lists, programName: loaded.config.title).files }
        return (files, lists)
    }
}
