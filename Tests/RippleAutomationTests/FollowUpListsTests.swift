import RippleCore
import RippleData
import RippleMetrics
import Testing
@testable import RippleAutomation

/// `ripple followup`'s lists.
@Suite struct FollowUpListsTests {
    @Test func listsExactlyThePairsMetricsCountsAsAtRisk() throws {
        let files = SampleProgramGenerator(participants: 1500, seed: 11, asOf: Day(iso: "2026-11-20")!).generate()
        let program = try #require(ProgramLoader(settings: SiteConfig().data).load(files).program)
        var settings = SiteConfig()
        settings.metrics.atRiskDays = 45
        let metrics = MetricsEngine(settings: settings).compute(program)
        var compared = 0
        // On the reporting date (the all-time figure) and on every quarter's last day.
        for period in metrics.periods where period.kind != .cohort {
            guard let counted = period.atRiskPairs else { continue }
            let lists = FollowUpLists(program: program, settings: settings, asOf: period.end)
            #expect(lists.atRisk.count == counted, "period \(period.id)")
            compared += 1
        }
        #expect(compared > 10)
        let all = FollowUpLists(program: program, settings: settings, asOf: metrics.asOf)
        #expect(all.atRisk.count > 20)
        for entry in all.atRisk {
            #expect(entry.quietDays > 45)
            #expect(program.pairs[entry.pair].holds(on: metrics.asOf) || program.pairs[entry.pair].status == .completed
                    || program.pairs[entry.pair].status == .closedEarly)
        }
    }

    @Test func listsWaitingUnclosedOverCapacityAndTrainedPeople() {
        let joined = Day(iso: "2026-01-05")!
        func person(_ id: String, _ roles: Roles, capacity: Int? = nil, requested: String? = nil) -> Participant {
            Participant(id: id, displayName: "Name \(id)", department: "Sales", level: "L3", roles: roles, joined: joined,
                        mentorCapacity: capacity, requested: requested.flatMap(Day.init(iso:)))
        }
        let people = [person("M1", .mentor, capacity: 1), person("A", .mentee), person("B", .mentee, requested: "2026-06-20"),
                      person("C", .mentee), person("T", .mentee)]
        let pairs = [Pair(id: "P1", cohort: 0, mentor: 0, mentee: 1, start: Day(iso: "2026-02-01")!, end: Day(iso: "2026-05-31")!, status: .active),
                     Pair(id: "P2", cohort: 0, mentor: 0, mentee: 3, start: Day(iso: "2026-06-01")!, status: .active),
                     Pair(id: "P3", cohort: 0, mentor: 0, mentee: 1, start: Day(iso: "2026-06-10")!, status: .paused)]
        let trainings = Training.foundationalModules.map { Training(participant: 4, module: $0, completed: Day(iso: "2026-03-01")!) }
        let program = Program(participants: people, cohorts: [Cohort(id: "C", name: "C", programType: .traditional, start: joined)],
                              pairs: pairs, trainings: trainings)
        var settings = SiteConfig()
        settings.followUp.waitingDays = 10
        let lists = FollowUpLists(program: program, settings: settings, asOf: Day(iso: "2026-07-01")!)
        #expect(lists.unclosed == [0])
        #expect(lists.overCapacity == [.init(person: 0, pairs: 2, capacity: 1)])
        // T never asked and was never paired: waiting since joining; B asked 11 days ago.
        #expect(lists.waiting == [.init(person: 4, since: joined, days: 177), .init(person: 2, since: Day(iso: "2026-06-20")!, days: 11)])
        #expect(lists.trainedNeverPaired == [4])
    }
}
