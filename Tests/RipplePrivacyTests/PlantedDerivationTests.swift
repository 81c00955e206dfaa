import Foundation
import Testing
@testable import RipplePrivacy

/// Each derivation of issue 16, planted in a hand-made metrics.json: the audit works the hidden
/// figure out (with the equation that reveals it), and after disclosure control nothing is left.
@Suite struct PlantedDerivationTests {
    /// A metrics.json with these periods (`null` for hidden figures, listed in `suppressed`).
    static func figures(_ periods: [[String: Any]], reach: [[String: Any]] = [], k: Int = 5,
                        headcount: [String: Int] = [:]) throws -> PublishedFigures {
        var root: [String: Any] = ["as_of": "2026-12-31", "min_group_size": k, "periods": periods, "reach": reach]
        if !headcount.isEmpty { root["headcount"] = headcount }
        let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
        return try PublishedFigures(json: String(decoding: data, as: UTF8.self))
    }

    static func period(_ id: String, kind: String = "quarter", _ figures: [String: Any]) -> [String: Any] {
        var period = figures
        period["id"] = id
        period["kind"] = kind
        period["suppressed"] = figures.compactMap { key, value -> [String]? in
            if value is NSNull { return [key] }
            guard let nested = value as? [String: Any] else { return nil }
            return nested.flatMap { inner, value -> [String] in
                if value is NSNull { return ["\(key)[\(inner)]"] }
                guard let cells = value as? [String: Any] else { return [] }
                let prefix = key == "department_matrix" ? "\(key)[\(inner)]" : "\(key).\(inner)"
                return cells.filter { $0.value is NSNull }.map { "\(prefix)[\($0.key)]" }
            }
        }.flatMap { $0 }
        return period
    }

    static let hidden = NSNull()

    /// Audits, protects, audits again: returns the findings before and after.
    static func check(_ figures: PublishedFigures) -> (before: [String], after: [DisclosureFinding]) {
        let audit = PrivacyAudit()
        let before = audit.findings(in: figures).map(\.summary)
        var protected = figures
        let (flags, _) = DisclosureControl().protect(figures)
        for i in protected.cells.indices where flags[i] { protected.cells[i].hidden = true; protected.cells[i].value = nil }
        return (before, audit.findings(in: protected))
    }

    @Test func aHiddenQuarterIsAllTimeMinusTheOtherQuarters() throws {
        let quarters = [11, 16, 28, 37, 71, 78, 32]
        var periods = [Self.period("all", kind: "all", ["by_level": ["sessions": ["L2": 274]]])]
        periods += quarters.enumerated().map { Self.period("2025-Q\($0.offset)", ["by_level": ["sessions": ["L2": $0.element]]]) }
        periods.append(Self.period("2026-Q9", ["by_level": ["sessions": ["L2": Self.hidden]]]))
        let figures = try Self.figures(periods)
        let finding = try #require(PrivacyAudit().findings(in: figures).first)
        #expect(finding.summary == "2026-Q9 by_level.sessions[L2] can be worked out as 1")
        #expect(finding.equations.first?.hasPrefix("all by_level.sessions[L2] = 2025-Q0 by_level.sessions[L2] + ") == true)
        #expect(Self.check(figures).after.isEmpty)
    }

    /// Cross-department share × pairs gives the off-diagonal sum; the matrix diagonal follows.
    @Test func theDiagonalFollowsFromTheCrossDepartmentShare() throws {
        let h = Self.hidden
        let figures = try Self.figures([Self.period("all", kind: "all", [
            "pairs_active": 20, "cross_department_share": 0.5,
            "by_department": ["pairs": ["A": 5, "B": 7, "C": 8]],
            "department_matrix": ["A": ["A": h, "B": 2, "C": 2], "B": ["A": h, "B": 4, "C": 1], "C": ["A": 1, "B": 1, "C": 5]],
        ])])
        let (before, after) = Self.check(figures)
        #expect(before == ["all department_matrix[A][A] can be worked out as 1", "all department_matrix[B][A] can be worked out as 3"])
        #expect(after.isEmpty)
    }

    @Test func noDepartmentsConnectedRevealsHiddenZeros() throws {
        let h = Self.hidden
        let figures = try Self.figures([Self.period("all", kind: "all", [
            "departments_connected": 0,
            "department_matrix": ["A": ["A": 9, "B": h, "C": h], "B": ["A": h, "B": h, "C": h], "C": ["A": h, "B": h, "C": 7]],
        ])])
        let (before, after) = Self.check(figures)
        #expect(before.filter { $0.hasSuffix("worked out as 0") }.count == 6)
        #expect(after.isEmpty)
        // Linked pairs known from the published cells account for every connection: the rest are 0.
        let counted = try Self.figures([Self.period("all", kind: "all", [
            "departments_connected": 1,
            "department_matrix": ["A": ["A": 9, "B": 6, "C": h], "B": ["A": h, "B": 8, "C": h], "C": ["A": h, "B": h, "C": 7]],
        ])])
        #expect(PrivacyAudit().findings(in: counted).map(\.summary).contains("all department_matrix[A][C] can be worked out as 0"))
    }

    /// A matrix whose cells and column totals are all hidden is not modelled cell by cell: what
    /// could pin one of its cells pins its column total first, and that is reported.
    @Test func anOpaqueMatrixIsReportedThroughItsColumnTotals() throws {
        let h = Self.hidden
        let figures = try Self.figures([Self.period("all", kind: "all", [
            "pairs_active": 3, "by_department": ["pairs": ["A": h, "B": h]],
            "department_matrix": ["A": ["A": h, "B": h], "B": ["A": h, "B": h]],
        ])])
        #expect(!figures.cells.contains { $0.key.hasPrefix("department_matrix") })
        let (before, after) = Self.check(figures)
        #expect(before == ["all by_department.pairs[A] can be narrowed to 0–3", "all by_department.pairs[B] can be narrowed to 0–3"])
        #expect(after.isEmpty)
    }

    /// A column of published zeros pins its total to 0: hiding that total protects nothing, so
    /// disclosure control publishes it rather than hiding more.
    @Test func aColumnOfZerosPublishesItsTotal() throws {
        let (hidden, remaining) = DisclosureControl().protect(try Self.figures([Self.period("all", kind: "all", [
            "pairs_active": 9, "by_department": ["pairs": ["A": 0, "B": 9]],
            "department_matrix": ["A": ["A": 0, "B": 4], "B": ["A": 0, "B": 5]],
        ])]))
        #expect(remaining.isEmpty)
        #expect(!hidden.contains(true))
        var planted = try Self.figures([Self.period("all", kind: "all", [
            "pairs_active": 9, "by_department": ["pairs": ["A": 0, "B": 9]],
            "department_matrix": ["A": ["A": 0, "B": 4], "B": ["A": 0, "B": 5]],
        ])])
        let total = try #require(planted.cell("all", "by_department.pairs[A]"))
        planted.cells[total].hidden = true  // as if an earlier round had hidden it
        #expect(PrivacyAudit().findings(in: planted).map(\.summary) == ["all by_department.pairs[A] can be worked out as 0"])
    }

    @Test func hiddenRatesOfPublishedCounts() throws {
        let h = Self.hidden
        let figures = try Self.figures([Self.period("all", kind: "all", [
            "sessions_completed": 10, "pairs_active": 2, "sessions_per_active_pair": h,
            "pairs_completed": 1, "pairs_closed_early": 1, "completion_rate": h,
            "sessions_led_by_mentee": 0, "role_swap_share": h,
        ])])
        let (before, after) = Self.check(figures)
        #expect(before == ["all completion_rate can be worked out as 0.5", "all role_swap_share can be worked out as 0",
                           "all sessions_per_active_pair can be worked out as 5"])
        #expect(after.isEmpty)
    }

    @Test func aPublishedRateRevealsItsHiddenNumerator() throws {
        let figures = try Self.figures([Self.period("all", kind: "all", [
            "sessions_completed": Self.hidden, "pairs_active": 8, "sessions_per_active_pair": 0.38,
        ])])
        let (before, after) = Self.check(figures)
        #expect(before == ["all sessions_completed can be worked out as 3"])
        #expect(after.isEmpty)
    }

    @Test func firstQuarterReachIsTwicePairsStarted() throws {
        let figures = try Self.figures([Self.period("2026-Q1", ["pairs_started": 2]), Self.period("2026-Q2", ["pairs_started": 9])],
                                       reach: [["quarter": "2026-Q1", "participants_reached": Self.hidden],
                                               ["quarter": "2026-Q2", "participants_reached": 20]])
        let (before, after) = Self.check(figures)
        #expect(before == ["2026-Q1 participants_reached can be narrowed to 3–4"])
        #expect(after.isEmpty)
    }
}
