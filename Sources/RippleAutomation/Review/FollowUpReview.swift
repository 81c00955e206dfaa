import RippleCore
import RippleData

/// `ripple followup`'s files: every list in one CSV and one HTML page.
package struct FollowUpReview: Sendable {
    /// The program.
    package var program: Program
    /// The lists.
    package var lists: FollowUpLists
    /// `metrics.at_risk_days` and `followup.waiting_days`, for the page's wording.
    package var settings: SiteConfig

    /// Creates the review of the lists.
    package init(program: Program, lists: FollowUpLists, settings: SiteConfig) {
        self.program = program; self.lists = lists; self.settings = settings
    }

    private func name(_ p: Int) -> String { program.participants[p].displayName ?? program.participants[p].id }

    /// One row per person or pair to act on: list, pair, the people (ids, names, emails), a date, a number of days, a note.
    package var csv: [UInt8] {
        var w = CSVWriter(header: ["list", "pair_id", "participant_id", "name", "email", "other_participant_id", "other_name",
                                   "other_email", "date", "days", "note"])
        func row(_ list: String, pair: Int?, person: Int, other: Int?, date: Day?, days: Int?, note: String) {
            let people = program.participants
            w.field(list); w.field(pair.map { program.pairs[$0].id })
            w.field(people[person].id); w.spreadsheetText(people[person].displayName); w.spreadsheetText(people[person].email)
            w.field(other.map { people[$0].id }); w.spreadsheetText(other.flatMap { people[$0].displayName })
            w.spreadsheetText(other.flatMap { people[$0].email })
            w.day(date); w.int(days); w.spreadsheetText(note)
            w.endRow()
        }
        for entry in lists.atRisk {
            let pair = program.pairs[entry.pair]
            row("at_risk", pair: entry.pair, person: pair.mentor, other: pair.mentee, date: entry.lastSession, days: entry.quietDays,
                note: entry.lastSession == nil ? "no completed session since the start \(pair.start.iso)" : "last completed session")
        }
        for entry in lists.waiting {
            row("waiting", pair: nil, person: entry.person, other: nil, date: entry.since, days: entry.days, note: "waiting for a mentor")
        }
        for p in lists.unclosed {
            let pair = program.pairs[p]
            row("unclosed", pair: p, person: pair.mentor, other: pair.mentee, date: pair.end, days: pair.end.map { $0.days(to: lists.asOf) },
                note: "ended but still \(pair.status.rawValue)")
        }
        for entry in lists.overCapacity {
            row("over_capacity", pair: nil, person: entry.person, other: nil, date: nil, days: nil,
                note: "\(entry.pairs) ongoing pairs, capacity \(entry.capacity)")
        }
        for person in lists.trainedNeverPaired {
            row("trained_not_paired", pair: nil, person: person, other: nil, date: nil, days: nil, note: "completed the foundational training")
        }
        return w.bytes
    }

    /// The page.
    package var page: PrivatePage {
        let people = program.participants
        func who(_ p: Int) -> String { people[p].displayName.map { "\($0) (\(people[p].id))" } ?? people[p].id }
        func email(_ p: Int) -> String { people[p].email ?? "" }
        let atRisk = PrivatePage.Section(
            heading: "Pairs at risk",
            intro: "Ongoing pairs with no completed session for more than \(settings.metrics.atRiskDays) days: the pairs metrics.json counts as at_risk_pairs.",
            columns: ["Pair", "Mentor", "Mentee", "Status", "Last session", "Days quiet"],
            rows: lists.atRisk.map { entry in
                let pair = program.pairs[entry.pair]
                return [pair.id, who(pair.mentor), who(pair.mentee), pair.status.rawValue, entry.lastSession?.iso ?? "none yet",
                        String(entry.quietDays)]
            })
        let waiting = PrivatePage.Section(
            heading: "Waiting for a mentor",
            intro: "Mentees waiting longer than \(settings.followUp.waitingDays) days; `ripple match` suggests mentors for them.",
            columns: ["Mentee", "Email", "Department", "Waiting since", "Days"],
            rows: lists.waiting.map { [who($0.person), email($0.person), people[$0.person].department, $0.since.iso, String($0.days)] })
        let unclosed = PrivatePage.Section(
            heading: "Ended but not closed",
            intro: "Pairs whose end date has passed while their status still says active or paused: record how they ended.",
            columns: ["Pair", "Mentor", "Mentee", "Status", "End date"],
            rows: lists.unclosed.map { p in
                let pair = program.pairs[p]
                return [pair.id, who(pair.mentor), who(pair.mentee), pair.status.rawValue, pair.end?.iso ?? ""]
            })
        let over = PrivatePage.Section(
            heading: "Mentors over capacity",
            intro: "Mentors with more ongoing pairs than their mentor_capacity.",
            columns: ["Mentor", "Email", "Ongoing pairs", "Capacity"],
            rows: lists.overCapacity.map { [who($0.person), email($0.person), String($0.pairs), String($0.capacity)] })
        let trained = PrivatePage.Section(
            heading: "Trained, never paired",
            intro: "People who completed the four foundational modules but have never been in a pair.",
            columns: ["Person", "Email", "Department", "Roles"],
            rows: lists.trainedNeverPaired.map { p in
                let roles = [people[p].roles.contains(.mentor) ? "mentor" : nil, people[p].roles.contains(.mentee) ? "mentee" : nil]
                return [who(p), email(p), people[p].department, roles.compactMap { $0 }.joined(separator: ", ")]
            })
        return PrivatePage(title: "Follow-up lists", subtitle: "As of \(lists.asOf.iso): people and pairs to contact.",
                           sections: [atRisk, waiting, unclosed, over, trained])
    }
}
