/// What an incremental build leaves in the output folder: the files it wrote, and the files of the last build
/// it kept as they are (pages whose render key is unchanged, guide downloads, the sitemap).
///
/// After a one-page edit of a 10,000-page site, the output holds the same files as before; that is known from
/// counts alone, and the new manifest is the old one updated, not rebuilt path by path.
struct ManifestUpdate {
    /// Output path → hash of every file of the last build.
    let previous: [String: UInt64]
    /// Output path → hash of every file this build wrote (or found already there with the same bytes).
    let written: [String: UInt64]
    /// Paths of the last build kept as they are: each is in `previous`, none is in `written`, none twice.
    let kept: [String]
    /// Whether the output holds the same files as after the last build (some with other bytes): every file
    /// written was there before, and every file there before was written again or kept. Decided from counts,
    /// which is sound only while `kept` keeps its rule; debug builds (every test) check the rule, release builds
    /// trust it (checking costs 20–30 ms per save of a 10,000-page site).
    let sameFiles: Bool

    /// Compares what this build wrote and kept with the last build's files.
    init(previous: [String: UInt64], written: [String: UInt64], kept: [String]) {
        assert(Self.keptFollowsItsRule(previous: previous, written: written, kept: kept),
               "a kept path was not in the last build, was written too, or is listed twice")
        self.previous = previous
        self.written = written
        self.kept = kept
        if previous.isEmpty {
            sameFiles = false
        } else {
            let rewritten = written.keys.count { previous[$0] != nil }
            sameFiles = rewritten == written.count && previous.count == kept.count + rewritten
        }
    }

    /// The rule of `kept`: each path is in `previous`, none is in `written`, none twice.
    static func keptFollowsItsRule(previous: [String: UInt64], written: [String: UInt64], kept: [String]) -> Bool {
        kept.allSatisfy { previous[$0] != nil && written[$0] == nil } && Set(kept).count == kept.count
    }

    /// Output path → hash of every file of the new output.
    var manifest: [String: UInt64] {
        if sameFiles { return previous.merging(written) { _, new in new } }
        var result = written
        for path in kept { result[path] = previous[path] }
        return result
    }
}
