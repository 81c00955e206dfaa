import RippleCore
import Testing
import RippleMetrics
@testable import RipplePrivacy

/// Complementary suppression on a hand-made program: one small department (Legal).
@Suite struct ComplementaryTests {
    /// Eng: 5 mentors + 5 mentees; Sales: 4 mentors + 4 mentees; Legal: 4 mentees mentored from Sales.
    /// Cohort "big" holds those 13 pairs; cohort "tiny" one Eng → Legal pair.
    static var program: Program {
        var people: [Participant] = []
        func add(_ id: String, _ dept: String, _ roles: Roles) -> Int {
            people.append(Programs.person(id, dept, "L1", roles)); return people.count - 1
        }
        let engMentors = (0..<5).map { add("em\($0)", "Eng", .mentor) }
        let engMentees = (0..<5).map { add("ee\($0)", "Eng", .mentee) }
        let salesMentors = (0..<4).map { add("sm\($0)", "Sales", .mentor) }
        let salesMentees = (0..<4).map { add("se\($0)", "Sales", .mentee) }
        let legalMentees = (0..<4).map { add("le\($0)", "Legal", .mentee) }
        var pairs: [Pair] = []
        func pair(_ mentor: Int, _ mentee: Int, cohort: Int = 0) {
            pairs.append(Pair(id: "p\(pairs.count)", cohort: cohort, mentor: mentor, mentee: mentee,
                              start: Programs.day("2026-01-05"), status: .active))
        }
        for i in 0..<5 { pair(engMentors[i], engMentees[i]) }
        for i in 0..<4 { pair(salesMentors[i], salesMentees[i]) }
        for i in 0..<4 { pair(salesMentors[i], legalMentees[i]) }
        pair(engMentors[0], legalMentees[0], cohort: 1)
        // Only two people rate sessions.
        let sessions = [
            Session(id: "s0", pair: 0, date: Programs.day("2026-02-01"), durationMinutes: 60, ratingMentor: 4),
            Session(id: "s1", pair: 1, date: Programs.day("2026-02-01"), durationMinutes: 60, ratingMentee: 5),
        ]
        let cohorts = [
            Cohort(id: "big", name: "Big", programType: .traditional, start: Programs.day("2026-01-01")),
            Cohort(id: "tiny", name: "Tiny", programType: .peer, start: Programs.day("2026-01-02")),
        ]
        return Program(participants: people, cohorts: cohorts, pairs: pairs, sessions: sessions)
    }

    let set = Programs.protect(ComplementaryTests.program, settings: Programs.settings(asOf: "2026-03-31")).1.metrics

    @Test func smallDepartmentIsSuppressedAndCannotBeDerived() throws {
        let all = set.period("all")!
        #expect(all.participantsActive == 22)
        #expect(all.byDepartment.groups == ["Eng", "Legal", "Sales"])
        // Legal (4 people) is hidden; the smallest cell that protects it, Sales (8), goes with it.
        #expect(all.byDepartment.participants == [10, nil, nil])
        #expect(all.isSuppressed("by_department.participants[Legal]"))
        #expect(all.isSuppressed("by_department.participants[Sales]"))
        let totals = [all.participantsActive, all.pairsActive, all.sessionsCompleted]
        for breakdown in [all.byDepartment, all.byLevel] {
            for (row, total) in zip(breakdown.rows, totals) where total != nil {
                #expect(row.values.filter { $0 == nil }.count != 1, "a lone hidden cell could be derived")
            }
        }
        // Everyone is at level L1: the one level cell of sessions (2 mentees) equals the total, so both go.
        #expect(all.byLevel.sessions == [nil] && all.sessionsCompleted == nil)
        #expect(all.value(for: "by_department.participants[Legal]") == .suppressed)
        #expect(try Programs.audit(set).isEmpty)
    }

    @Test func matrixColumnsNeverHaveALoneHiddenCell() {
        let all = set.period("all")!
        let matrix = all.departmentMatrix
        // Rows mentor dept, columns mentee dept: Eng, Legal, Sales.
        for c in 0..<3 where all.byDepartment.pairs[c] != nil {
            #expect(matrix.cells.map { $0[c] }.filter { $0 == nil }.count != 1)
        }
    }

    @Test func theUnprotectedOutputGivesItsSmallCellsAway() throws {
        let primary = MetricsEngine(settings: Programs.settings(asOf: "2026-03-31")).compute(ComplementaryTests.program)
        let findings = try Programs.audit(primary)
        #expect(findings.map(\.summary).contains("all by_department.participants[Legal] can be worked out as 4"))
    }
}
