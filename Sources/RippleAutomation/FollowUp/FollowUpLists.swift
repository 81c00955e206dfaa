import RippleCore
import RippleMetrics

/// `ripple followup`: the program team's lists of people to act on, with names, on the reporting date.
package struct FollowUpLists: Sendable {
    /// A pair with no completed session for `metrics.at_risk_days` (exactly those metrics.json counts).
    package struct AtRiskPair: Hashable, Sendable {
        /// Pair index.
        package var pair: Int
        /// Its last completed session, if any.
        package var lastSession: Day?
        /// Days since that session (or since the start, without one).
        package var quietDays: Int
    }

    /// A mentee waiting for a mentor longer than `followup.waiting_days`.
    package struct WaitingMentee: Hashable, Sendable {
        /// Participant index.
        package var person: Int
        /// Since when.
        package var since: Day
        /// Days waited.
        package var days: Int
    }

    /// A mentor with more ongoing pairs than `mentor_capacity`.
    package struct OverCapacity: Hashable, Sendable {
        /// Participant index.
        package var person: Int
        /// Ongoing pairs.
        package var pairs: Int
        /// `mentor_capacity`.
        package var capacity: Int
    }

    /// The reporting date the lists hold on.
    package var asOf: Day
    /// At-risk pairs, in pair order.
    package var atRisk: [AtRiskPair]
    /// Mentees waiting too long, longest first.
    package var waiting: [WaitingMentee]
    /// Pairs whose end date has passed while their status still says active or paused, in pair order.
    package var unclosed: [Int]
    /// Mentors over capacity, in participant order.
    package var overCapacity: [OverCapacity]
    /// People who completed the four foundational trainings but were never in a pair, in participant order.
    package var trainedNeverPaired: [Int]

    /// Builds every list from `program` on `asOf` (the metrics' reporting date).
    package init(program: Program, settings: SiteConfig, asOf: Day) {
        self.asOf = asOf
        atRisk = AtRiskRule(days: settings.metrics.atRiskDays).pairs(in: program, on: asOf).map { entry in
            let since = entry.lastSession ?? program.pairs[entry.pair].start
            return AtRiskPair(pair: entry.pair, lastSession: entry.lastSession, quietDays: since.days(to: asOf))
        }
        let pool = MatchPool(program: program, asOf: asOf, defaultCapacity: settings.matching.defaultCapacity)
        waiting = zip(pool.mentees, pool.waitingSince).compactMap { person, since in
            let days = since.days(to: asOf)
            return days > settings.followUp.waitingDays ? WaitingMentee(person: person, since: since, days: days) : nil
        }.sorted { ($0.days, -$0.person) > ($1.days, -$1.person) }
        unclosed = program.pairs.indices.filter { p in
            let pair = program.pairs[p]
            guard let end = pair.end else { return false }
            return end <= asOf && (pair.status == .active || pair.status == .paused)
        }
        overCapacity = program.participants.indices.compactMap { person in
            guard let capacity = program.participants[person].mentorCapacity, pool.mentorLoad[person] > capacity else { return nil }
            return OverCapacity(person: person, pairs: pool.mentorLoad[person], capacity: capacity)
        }
        var paired = Array(repeating: false, count: program.participants.count)
        for pair in program.pairs { paired[pair.mentor] = true; paired[pair.mentee] = true }
        var modules = Array(repeating: Set<String>(), count: program.participants.count)
        for training in program.trainings where training.completed <= asOf && Training.foundationalModules.contains(training.module) {
            modules[training.participant].insert(training.module)
        }
        trainedNeverPaired = program.participants.indices.filter { person in
            !paired[person] && modules[person].count == Training.foundationalModules.count
                && (program.participants[person].left.map { $0 > asOf } ?? true)
        }
    }
}
