import Foundation
import RippleCore
import Testing
@testable import RipplePrivacy

/// The audit finds nothing on the sample site and on generated programs once disclosure control
/// has run; prints how many figures each step hides (the numbers reported in the commit).
@Suite struct SuppressionCountTests {
    @Test(arguments: [0, 60, 400, 3000])
    func auditFindsNothingAfterDisclosureControl(participants: Int) throws {
        let program = participants == 0 ? try Programs.sample() : try Programs.generated(participants)
        let clock = ContinuousClock()
        let start = clock.now
        let (_, outcome) = Programs.protect(program)
        let elapsed = clock.now - start
        let findings = try Programs.audit(outcome.metrics)  // through metrics.json text, as `ripple check --privacy`
        #expect(findings.isEmpty, "\(findings.prefix(5).map(\.summary))")
        #expect(outcome.remaining.isEmpty)
        print("privacy \(participants == 0 ? "sample" : "\(participants)"): primary \(outcome.primary), "
              + "complementary \(outcome.complementary), stage \(elapsed)")
    }
}
