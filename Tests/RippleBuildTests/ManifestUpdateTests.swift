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

    /// Counts that happen to match do not decide when `kept` breaks its rules (a path kept twice, or one that
    /// was not there): the manifest is then made path by path.
    @Test func countsAloneDoNotDecide() {
        let twice = ManifestUpdate(previous: previous, written: ["b.html": 20], kept: ["a.html", "a.html"])
        #expect(!twice.sameFiles)
        #expect(twice.manifest == ["a.html": 1, "b.html": 20])
        let unknown = ManifestUpdate(previous: previous, written: ["b.html": 20], kept: ["a.html", "z.html"])
        #expect(!unknown.sameFiles)
        #expect(unknown.manifest == ["a.html": 1, "b.html": 20])
    }
}
