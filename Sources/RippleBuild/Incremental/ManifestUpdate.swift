/// What an incremental build leaves in the output folder: the files it wrote, and the files of the last build
/// it kept as they are (pages whose render key is unchanged, guide downloads, the sitemap).
///
/// After a one-page edit of a 10,000-page site, the output holds the same files as before; that is known from
/// counts alone, and the new manifest is the old one updated, not rebuilt path by path.
struct ManifestUpdate {
    /// Output path → hash of every file of the last build.
    var previous: [String: UInt64]
    /// Output path → hash of every file this build wrote (or found already there with the same bytes).
    var written: [String: UInt64]
    /// Paths of the last build kept as they are: each is in `previous`, none is in `written`, none twice.
    var kept: [String]

    /// Whether the output holds the same files as after the last build (some with other bytes): every file
    /// written was there before, and every file there before was written again or kept. The counts decide only
    /// when `kept` is as documented, which is checked too (a few milliseconds for 10,000 pages).
    var sameFiles: Bool {
        guard !previous.isEmpty else { return false }
        let rewritten = written.keys.count { previous[$0] != nil }
        guard rewritten == written.count, previous.count == kept.count + rewritten else { return false }
        return kept.allSatisfy { previous[$0] != nil && written[$0] == nil } && Set(kept).count == kept.count
    }

    /// Output path → hash of every file of the new output.
    var manifest: [String: UInt64] {
        if sameFiles { return previous.merging(written) { _, new in new } }
        var result = written
        for path in kept { result[path] = previous[path] }
        return result
    }
}
