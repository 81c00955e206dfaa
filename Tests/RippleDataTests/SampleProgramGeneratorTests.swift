import Testing
import RippleCore
@testable import RippleData

@Suite struct SampleProgramGeneratorTests {
    func load(_ files: [DataFile]) -> (program: Program?, diagnostics: [Diagnostic]) {
        ProgramLoader(settings: DataSettings())
            .load(files.map { DataFile(path: "content/data/\($0.path)", bytes: $0.bytes) })
    }

    @Test func isDeterministic() {
        let a = SampleProgramGenerator(participants: 120, seed: 7).generate()
        let b = SampleProgramGenerator(participants: 120, seed: 7).generate()
        let c = SampleProgramGenerator(participants: 120, seed: 8).generate()
        #expect(a == b)
        #expect(a != c)
        #expect(a.map(\.path) == ["participants.csv", "cohorts.csv", "pairs.csv", "sessions.csv", "goals.csv",
                                  "feedback.csv", "trainings.csv", "headcount.csv"])
    }

    @Test(arguments: [300, 3_000])
    func passesValidationWithoutErrors(participants: Int) throws {
        let asOf = Day(iso: "2026-11-20")!
        let (program, diagnostics) = load(SampleProgramGenerator(participants: participants, seed: 3, asOf: asOf).generate())
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let p = try #require(program)
        #expect(p.participants.count == participants)
        #expect(abs(p.pairs.count - participants * 4 / 5) <= 1)
        let perPair = Double(p.sessions.count) / Double(p.pairs.count)
        #expect(perPair > 15 && perPair < 35)
        #expect(p.latestActivity.map { $0 <= asOf } == true)
        #expect(p.feedback.allSatisfy { $0.submitted <= asOf } && p.goals.allSatisfy { ($0.completed ?? $0.created) <= asOf })
        #expect(p.trainings.allSatisfy { $0.completed <= asOf })
        // Participants joined at or before their pairs.
        #expect(p.pairs.allSatisfy { p.participants[$0.mentor].joined <= $0.start && p.participants[$0.mentee].joined <= $0.start })
        // Realistic mix.
        let statuses = Set(p.pairs.map(\.status))
        #expect(statuses == Set(PairStatus.allCases))
        #expect(Set(p.cohorts.map(\.programType)).isSuperset(of: [.traditional, .reverse, .reciprocal, .peer]))
        let reciprocal = Set(p.cohorts.indices.filter { p.cohorts[$0].programType == .reciprocal })
        let reciprocalSessions = p.sessions.filter { reciprocal.contains(p.pairs[$0.pair].cohort) }
        let swapped = reciprocalSessions.filter { $0.ledBy != .mentor }.count
        #expect(Double(swapped) / Double(max(1, reciprocalSessions.count)) > 0.3)
        #expect(p.participants.contains { $0.directoryOptIn } && p.participants.contains { !$0.directoryOptIn })
        #expect(Set(p.trainings.map(\.module)) == Set(Training.foundationalModules + ["orientation"]))
        #expect(p.feedback.contains { $0.comment != nil } && p.feedback.contains { $0.comment == nil })
    }
}
