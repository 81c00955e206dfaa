import Foundation
import Testing
@testable import RipplePrivacy

/// A quarter-to-date window (what a running quarter is compared with) lies inside its quarter: the audit knows
/// each of its counts is at most the whole quarter's, and disclosure control protects what that reveals.
@Suite struct QuarterToDatePrivacyTests {
    typealias Planted = PlantedDerivationTests

    @Test func aHiddenWindowCountIsBoundedByItsQuarter() throws {
        let figures = try Planted.figures([
            Planted.period("2026-Q3", ["pairs_started": 2, "participants_active": 40]),
            Planted.period("2026-Q3:to-date", kind: "quarter_to_date", ["pairs_started": Planted.hidden, "participants_active": 38]),
        ])
        let (before, after) = Planted.check(figures)
        #expect(before.count == 1 && before.first?.hasPrefix("2026-Q3:to-date pairs_started") == true, "\(before)")
        let finding = try #require(PrivacyAudit().findings(in: figures).first)
        #expect(finding.equations == ["2026-Q3:to-date pairs_started ≤ 2026-Q3 pairs_started"])
        #expect(after.isEmpty)
    }

    @Test func aWindowOfAnotherQuarterIsNotBoundedByThisOne() throws {
        let figures = try Planted.figures([
            Planted.period("2026-Q3", ["pairs_started": 2]),
            Planted.period("2026-Q2:to-date", kind: "quarter_to_date", ["pairs_started": Planted.hidden]),
        ])
        #expect(PrivacyAudit().findings(in: figures).isEmpty)
    }
}
