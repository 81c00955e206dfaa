import Testing
@testable import RippleBuild
import RippleCore

/// The `matching`, `followup` and `private_dir` settings of `ripple match` and `ripple followup`.
@Suite struct AutomationConfigTests {
    @Test func readsMatchingFollowUpAndThePrivateFolder() throws {
        let config = try ConfigParser.parse("""
        matching:
          topic_weight: 12
          cross_department_weight: 6
          cross_location_weight: 0
          reciprocal_weight: 4
          base_score: 2
          min_level_gap: 0
          max_level_gap: 2
          default_capacity: 2
          candidates: 25
        followup:
          waiting_days: 21
        private_dir: team/private
        """)
        #expect(config.matching.topicWeight == 12 && config.matching.crossDepartmentWeight == 6)
        #expect(config.matching.crossLocationWeight == 0 && config.matching.reciprocalWeight == 4 && config.matching.baseScore == 2)
        #expect(config.matching.minLevelGap == 0 && config.matching.maxLevelGap == 2)
        #expect(config.matching.defaultCapacity == 2 && config.matching.candidates == 25)
        #expect(config.followUp.waitingDays == 21)
        #expect(config.privateDir == "team/private")
    }

    @Test func refusesAPrivateFolderOutsideTheSiteAndAnUpsideDownLevelRange() {
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigParser.parse("matching:\n  min_level_gap: 3\n  max_level_gap: 1\nprivate_dir: ../elsewhere\n")
        }
        #expect(error?.diagnostics.map(\.description) == [
            "ripple.yaml:2:3: error: matching.min_level_gap (3) is above matching.max_level_gap (1)\n  hint: make min_level_gap at most max_level_gap",
            "ripple.yaml:4:14: error: 'private_dir' must be a folder inside the site folder, like 'private', not '../elsewhere'\n  hint: give a relative path without '..'; it must not lie inside the published output folder",
        ])
    }
}
