import Testing
@testable import RippleBuild

/// The new manifest of an incremental build, and when it may be the old one updated in place.
@Suite struct ManifestUpdateTests {
    private let previous: [String: UInt64] = ["a.html": 1, "b.html": 2, "c.html": 3]

    @Test func sameFilesWhenEveryOldFileIsWrittenOrKept() {
        let update = ManifestUpdate(previous: previous, written: ["b.html": 20], kept: ["a.html", "c.html"])
        #expect(update.sameFiles)
        #expect(update.manifest == ["a.html": 1, "b.html": 20, "c.html": 3])
    }

    @Test func aNewOrMissingFileIsNotTheSameFiles() {
        let added = ManifestUpdate(previous: previous, written: ["d.html": 4], kept: ["a.html", "b.html", "c.html"])
        #expect(!added.sameFiles)
        #expect(added.manifest == ["a.html": 1, "b.html": 2, "c.html": 3, "d.html": 4])
        let removed = ManifestUpdate(previous: previous, written: [:], kept: ["a.html", "b.html"])
        #expect(!removed.sameFiles)
        #expect(removed.manifest == ["a.html": 1, "b.html": 2])
    }

    /// The rule `sameFiles` relies on (debug builds assert it): counts that happen to match must not hide a
    /// path kept twice, or one that was not there.
    @Test func theRuleOfKeptPathsIsChecked() {
        #expect(ManifestUpdate.keptFollowsItsRule(previous: previous, written: ["b.html": 20], kept: ["a.html", "c.html"]))
        #expect(!ManifestUpdate.keptFollowsItsRule(previous: previous, written: ["b.html": 20], kept: ["a.html", "a.html"]))
        #expect(!ManifestUpdate.keptFollowsItsRule(previous: previous, written: ["b.html": 20], kept: ["a.html", "z.html"]))
        #expect(!ManifestUpdate.keptFollowsItsRule(previous: previous, written: ["b.html": 20], kept: ["a.html", "b.html"]))
    }
}
