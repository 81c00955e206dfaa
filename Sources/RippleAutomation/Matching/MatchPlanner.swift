import RippleCore

/// `ripple match`'s suggestions: every waiting mentee gets the mentor of the best-scoring assignment of the
/// whole pool, under the capacity, level, team and no-repeat rules.
package struct MatchPlanner: Sendable {
    /// The result: one suggestion per waiting mentee, in participant order, and the proof that it is optimal.
    package struct Plan: Sendable {
        /// One per waiting mentee.
        package var suggestions: [MatchSuggestion]
        /// The total score of the suggested pairs.
        package var total: Int
        /// How many times pairs outside the candidate lists had to be added (0: the first solve was optimal).
        package var repricings: Int
    }

    /// The program.
    package var program: Program
    /// `matching:` settings.
    package var settings: MatchingSettings
    /// The kind of mentoring the pairs will be (`--cohort`'s type; traditional otherwise).
    package var type: ProgramType
    /// The reporting date.
    package var asOf: Day

    /// Creates a planner.
    package init(program: Program, settings: MatchingSettings, type: ProgramType = .traditional, asOf: Day) {
        self.program = program; self.settings = settings; self.type = type; self.asOf = asOf
    }

    /// Solves the assignment; exact, deterministic.
    package func plan() -> Plan {
        let pool = MatchPool(program: program, asOf: asOf, defaultCapacity: settings.defaultCapacity)
        let rules = MatchRules(program: program, pool: pool, settings: settings, type: type)
        var candidates = pool.mentees.parallelMap { mentee in Self.best(settings.candidates, for: mentee, rules: rules) }
        var repricings = 0
        var solved = MinCostAssignment(candidates: candidates, capacity: pool.capacityLeft)
        while true {
            let missing = Self.violations(of: solved, candidates: candidates, rules: rules)
            if missing.allSatisfy(\.isEmpty) { break }
            repricings += 1
            for (i, arcs) in missing.enumerated() where !arcs.isEmpty {
                candidates[i] = (candidates[i] + arcs).sorted { $0.mentor < $1.mentor }
            }
            solved = MinCostAssignment(candidates: candidates, capacity: pool.capacityLeft)
        }
        let suggestions = pool.mentees.enumerated().map { i, mentee -> MatchSuggestion in
            guard let slot = solved.assignment[i] else {
                let why = candidates[i].isEmpty ? "no mentor with room passes the level, team and no-repeat rules"
                                                : "every allowed mentor is taken by a better-fitting mentee"
                return MatchSuggestion(mentee: mentee, mentor: nil, score: 0, reasons: [why], waitingSince: pool.waitingSince[i])
            }
            let mentor = pool.mentors[Int(slot)]
            return MatchSuggestion(mentee: mentee, mentor: mentor, score: rules.score(mentor: mentor, mentee: mentee),
                                   reasons: rules.reasons(mentor: mentor, mentee: mentee), waitingSince: pool.waitingSince[i])
        }
        return Plan(suggestions: suggestions, total: suggestions.reduce(0) { $0 + $1.score }, repricings: repricings)
    }

    /// The `k` best allowed mentors of a mentee (highest score, then lowest index), by mentor position.
    static func best(_ k: Int, for mentee: Int, rules: MatchRules) -> [MinCostAssignment.Arc] {
        var kept: [MinCostAssignment.Arc] = []
        kept.reserveCapacity(k + 1)
        for (j, mentor) in rules.pool.mentors.enumerated() {
            let score = rules.score(mentor: mentor, mentee: mentee)
            guard score > 0, kept.count < k || score > kept[kept.count - 1].score,
                  rules.levelsFit(mentor: mentor, mentee: mentee), !rules.forbidden(mentor: mentor, mentee: mentee) else { continue }
            // Kept in descending score; equal scores stay in mentor order (the earlier one wins).
            var at = kept.count
            while at > 0, kept[at - 1].score < score { at -= 1 }
            kept.insert(.init(mentor: Int32(j), score: Int32(score)), at: at)
            if kept.count > k { kept.removeLast() }
        }
        return kept.sorted { $0.mentor < $1.mentor }
    }

    /// Per mentee, the allowed pairs outside its candidates that could raise the total (none: proven optimal).
    static func violations(of solved: MinCostAssignment, candidates: [[MinCostAssignment.Arc]],
                           rules: MatchRules) -> [[MinCostAssignment.Arc]] {
        let mentors = rules.pool.mentors
        return Array(candidates.indices).parallelMap { i in
            let mentee = rules.pool.mentees[i]
            let listed = Set(candidates[i].map(\.mentor))
            var found: [MinCostAssignment.Arc] = []
            for (j, mentor) in mentors.enumerated() {
                let score = rules.score(mentor: mentor, mentee: mentee)
                guard score > 0, solved.improves(mentee: i, mentor: j, score: score), !listed.contains(Int32(j)),
                      rules.levelsFit(mentor: mentor, mentee: mentee), !rules.forbidden(mentor: mentor, mentee: mentee) else { continue }
                found.append(.init(mentor: Int32(j), score: Int32(score)))
            }
            return found
        }
    }
}
