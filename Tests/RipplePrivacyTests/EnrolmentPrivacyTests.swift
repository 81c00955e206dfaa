import Foundation
import Testing
@testable import RipplePrivacy

/// With the headcount published, an enrolment share is its enrolled count divided by a known number: the audit
/// reads it so, and disclosure control hides the share with the count.
@Suite struct EnrolmentPrivacyTests {
    typealias Planted = PlantedDerivationTests

    /// Sales' 3 enrolled people are hidden, but 0.025 × 120 = 3 (0.0245 × 120 = 2.94 to 0.0255 × 120 = 3.06).
    @Test func aShareOfAPublishedHeadcountRevealsItsCount() throws {
        let figures = try Planted.figures([
            Planted.period("2026-Q3", ["by_department": ["enrolled": ["Sales": Planted.hidden]],
                                       "enrolment_share_by_department": ["Sales": 0.025]]),
        ], headcount: ["Sales": 120])
        let finding = try #require(PrivacyAudit().findings(in: figures).first)
        #expect(finding.summary == "2026-Q3 by_department.enrolled[Sales] can be worked out as 3")
        #expect(finding.equations == ["2026-Q3 enrolment_share_by_department[Sales] ≈ (2026-Q3 by_department.enrolled[Sales]) ÷ (headcount 120)"])
        let (_, after) = Planted.check(figures)
        #expect(after.isEmpty)
    }

    /// The overall share covers the departments with a headcount: their enrolled cells over the summed headcount.
    /// Eng 40 is published, so 0.2 × (120 + 100) = 44 leaves 4 for the hidden Sales cell.
    @Test func theOverallShareRevealsAHiddenDepartment() throws {
        let figures = try Planted.figures([
            Planted.period("2026-Q3", ["by_department": ["enrolled": ["Sales": Planted.hidden, "Eng": 40]],
                                       "enrolment_share": 0.2]),
        ], headcount: ["Sales": 120, "Eng": 100])
        let (before, after) = Planted.check(figures)
        #expect(before == ["2026-Q3 by_department.enrolled[Sales] can be worked out as 4"])
        #expect(after.isEmpty)
    }

    /// Without a headcount in the file the share cannot be read back: nothing to find.
    @Test func noHeadcountNoEquation() throws {
        let figures = try Planted.figures([
            Planted.period("2026-Q3", ["by_department": ["enrolled": ["Sales": Planted.hidden, "Eng": Planted.hidden]],
                                       "enrolment_share_by_department": ["Sales": 0.025]]),
        ])
        #expect(PrivacyAudit().findings(in: figures).isEmpty)
    }
}
