import RippleCore
import RippleData
import Testing
@testable import RippleAutomation

/// `ripple match`'s planner on hand-made programs and on a generated 3,000-person program.
@Suite struct MatchPlannerTests {
    static let asOf = Day(iso: "2026-06-30")!

    static func person(_ id: String, _ department: String, rank: Int, roles: Roles, capacity: Int? = nil,
                       expertise: [String] = [], wants: [String] = [], manager: String? = nil) -> Participant {
        Participant(id: id, department: department, level: "L\(rank)", levelRank: rank, location: "London", roles: roles,
                    joined: Day(iso: "2026-01-05")!, mentorCapacity: capacity, expertise: expertise, wants: wants,
                    managerID: manager)
    }

    @Test func solvesTheWholePoolWhereGreedyLeavesAMenteeWaiting() {
        // a1 fits m1 best, but m2 is a2's manager: only the whole-pool solution pairs both mentees.
        let program = Program(participants: [
            Self.person("m1", "Sales", rank: 5, roles: .mentor, capacity: 1, expertise: ["writing"]),
            Self.person("m2", "Engineering", rank: 5, roles: .mentor, capacity: 1, expertise: ["writing"]),
            Self.person("a1", "Engineering", rank: 3, roles: .mentee, wants: ["writing"]),
            Self.person("a2", "Engineering", rank: 3, roles: .mentee, wants: ["writing"], manager: "m2"),
        ])
        let plan = MatchPlanner(program: program, settings: MatchingSettings(), asOf: Self.asOf).plan()
        #expect(plan.suggestions.map(\.mentee) == [2, 3])
        #expect(plan.suggestions.map(\.mentor) == [1, 0])
        #expect(plan.total == 27)
        #expect(plan.suggestions[1].reasons == ["shares 1 topic (writing)", "Sales → Engineering", "2 levels apart"])
        #expect(plan.suggestions[0].reasons == ["shares 1 topic (writing)", "both in Engineering", "2 levels apart"])
    }

    @Test func prunedCandidatesStillGiveTheBruteForceOptimum() throws {
        var random = SplitMix(seed: 7)
        let topics = ["a", "b", "c", "d"]
        var repriced = 0
        for _ in 0..<150 {
            var people: [Participant] = []
            for m in 0..<random.next(1...4) {
                people.append(Self.person("m\(m)", ["Sales", "Legal"][random.next(0...1)], rank: random.next(3...6), roles: .mentor,
                                          capacity: random.next(0...2), expertise: topics.filter { _ in random.next(0...1) == 0 }))
            }
            for e in 0..<random.next(1...6) {
                people.append(Self.person("e\(e)", ["Sales", "Legal"][random.next(0...1)], rank: random.next(1...4), roles: .mentee,
                                          wants: topics.filter { _ in random.next(0...1) == 0 },
                                          manager: random.next(0...4) == 0 ? "m0" : nil))
            }
            let program = Program(participants: people)
            var settings = MatchingSettings()
            settings.candidates = 1
            let plan = MatchPlanner(program: program, settings: settings, asOf: Self.asOf).plan()
            repriced += plan.repricings

            let pool = MatchPool(program: program, asOf: Self.asOf, defaultCapacity: 1)
            let rules = MatchRules(program: program, pool: pool, settings: settings, type: .traditional)
            let every = pool.mentees.map { mentee in
                pool.mentors.enumerated().compactMap { j, mentor in
                    rules.allowedScore(mentor: mentor, mentee: mentee).map { MinCostAssignment.Arc(mentor: Int32(j), score: Int32($0)) }
                }
            }
            #expect(plan.total == MinCostAssignmentTests.bruteForce(every, capacity: pool.capacityLeft))
        }
        // Keeping one candidate per mentee is often not enough, so the pricing step did its work.
        #expect(repriced > 10)
    }

    /// The generated sample program at 3,000 people, with managers, wanted topics and requests added.
    static func generated() throws -> Program {
        let files = SampleProgramGenerator(participants: 3000, seed: 3, asOf: Day(iso: "2026-11-20")!).generate()
        let loaded = ProgramLoader(settings: SiteConfig().data).load(files)
        var program = try #require(loaded.program)
        let topics = ["leadership", "career_growth", "public_speaking", "negotiation", "writing", "data_analysis"]
        let ids = program.participants.map(\.id)
        for i in program.participants.indices {
            // Teams of eight: the first of each eight manages the other seven and reports to the first of its 64.
            program.participants[i].managerID = i % 8 == 0 ? ids[i / 64 * 64] : ids[i / 8 * 8]
            if i % 64 == 0 { program.participants[i].managerID = nil }
            program.participants[i].wants = [topics[i % topics.count], topics[(i / 7) % topics.count]]
            if i % 5 == 0 { program.participants[i].requested = Day(iso: "2026-10-01")! }
        }
        return program
    }

    @Test func respectsCapacityRepeatsAndManagersOnAGeneratedProgram() throws {
        let program = try Self.generated()
        let asOf = Day(iso: "2026-11-20")!
        let settings = MatchingSettings()
        let plan = MatchPlanner(program: program, settings: settings, asOf: asOf).plan()
        let pool = MatchPool(program: program, asOf: asOf, defaultCapacity: settings.defaultCapacity)
        #expect(pool.mentees.count > 300)
        let matched = plan.suggestions.filter { $0.mentor != nil }
        #expect(matched.count > pool.mentees.count / 2)

        var suggested: [Int: Int] = [:]
        for s in matched { suggested[s.mentor!, default: 0] += 1 }
        for (mentor, count) in suggested {
            let capacity = program.participants[mentor].mentorCapacity ?? settings.defaultCapacity
            #expect(pool.mentorLoad[mentor] + count <= capacity)
        }
        let previous = Set(program.pairs.flatMap { [[$0.mentor, $0.mentee], [$0.mentee, $0.mentor]] })
        let people = program.participants
        for s in matched {
            let mentor = people[s.mentor!], mentee = people[s.mentee]
            #expect(!previous.contains([s.mentor!, s.mentee]))
            #expect(mentor.managerID == nil || mentor.managerID != mentee.managerID)
            #expect(mentor.id != mentee.managerID && mentee.id != mentor.managerID)
            let gap = try #require(mentor.levelRank) - #require(mentee.levelRank)
            #expect((settings.minLevelGap...settings.maxLevelGap).contains(gap))
            #expect(s.mentor != s.mentee)
        }
        // The same input gives the same plan.
        let again = MatchPlanner(program: program, settings: settings, asOf: asOf).plan()
        #expect(again.suggestions == plan.suggestions)
    }
}
