import RippleCore
import RippleData

/// `ripple match`'s two files: the suggestions in pairs.csv form, and the HTML page to review them on.
package struct MatchReview: Sendable {
    /// The program the plan was made for.
    package var program: Program
    /// The plan.
    package var plan: MatchPlanner.Plan
    /// The cohort the pairs would join (`--cohort`); empty in the CSV without one, for the team to fill in.
    package var cohortID: String?
    /// The reporting date.
    package var asOf: Day

    /// Creates the review of a plan.
    package init(program: Program, plan: MatchPlanner.Plan, cohortID: String?, asOf: Day) {
        self.program = program; self.plan = plan; self.cohortID = cohortID; self.asOf = asOf
    }

    /// `matches.csv`: the pairs.csv columns (start_date left for the team), then score, reasons and names.
    /// Mentees without a suggestion are left out; the page lists them.
    package var csv: [UInt8] {
        var w = CSVWriter(header: ["pair_id", "cohort_id", "mentor_id", "mentee_id", "requested_date", "start_date", "end_date",
                                   "status", "match_method", "score", "reasons", "mentor_name", "mentee_name"])
        var number = 0
        for s in plan.suggestions {
            guard let mentor = s.mentor else { continue }
            number += 1
            w.field("SUGGESTED-\(number)")
            w.field(cohortID)
            w.field(program.participants[mentor].id)
            w.field(program.participants[s.mentee].id)
            w.day(s.waitingSince)
            w.field(nil); w.field(nil)
            w.field("active"); w.field("algorithm")
            w.int(s.score)
            w.spreadsheetText(s.reasons.joined(separator: "; "))
            w.spreadsheetText(program.participants[mentor].displayName)
            w.spreadsheetText(program.participants[s.mentee].displayName)
            w.endRow()
        }
        return w.bytes
    }

    /// The review page.
    package var page: PrivatePage {
        let people = program.participants
        func who(_ p: Int) -> String { people[p].displayName.map { "\($0) (\(people[p].id))" } ?? people[p].id }
        func role(_ p: Int) -> String { "\(people[p].department), \(people[p].level)" + (people[p].location.map { ", \($0)" } ?? "") }
        let matched = plan.suggestions.filter { $0.mentor != nil }
        let unmatched = plan.suggestions.filter { $0.mentor == nil }
        let suggested = PrivatePage.Section(
            heading: "Suggested pairs",
            intro: "The best total fit over all waiting mentees at once (total score \(plan.total)); a mentee may get their second-best mentor so that another is not left without one.",
            columns: ["Mentee", "Mentee's team", "Waiting since", "Suggested mentor", "Mentor's team", "Score", "Why"],
            rows: matched.map { s in
                [who(s.mentee), role(s.mentee), s.waitingSince.iso, who(s.mentor!), role(s.mentor!), String(s.score),
                 s.reasons.joined(separator: "; ")]
            })
        let waiting = PrivatePage.Section(
            heading: "No suggestion",
            intro: "Mentees for whom no mentor with room passes the rules (level gap, manager and team, no repeated pair).",
            columns: ["Mentee", "Mentee's team", "Waiting since", "Why"],
            rows: unmatched.map { [who($0.mentee), role($0.mentee), $0.waitingSince.iso, $0.reasons.joined(separator: "; ")] })
        let cohort = cohortID.map { " for cohort \($0)" } ?? ""
        return PrivatePage(title: "Matching suggestions\(cohort)",
                           subtitle: "As of \(asOf.iso): \(matched.count) suggested pairs for \(plan.suggestions.count) waiting mentees. Check each pair with both people before announcing it.",
                           sections: [suggested, waiting])
    }
}
