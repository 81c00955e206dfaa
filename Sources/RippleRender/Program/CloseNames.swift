/// "Did you mean" suggestions: the known names closest to a mistyped one.
package enum CloseNames {
    /// Up to `limit` names within a small edit distance of `name` (or sharing its start), closest first.
    package static func suggest(_ name: String, from candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased())
        let budget = max(2, target.count / 3)
        let scored = candidates.compactMap { candidate -> (Int, String)? in
            let lowered = candidate.lowercased()
            let distance = editDistance(target, Array(lowered))
            if distance <= budget { return (distance, candidate) }
            if target.count >= 4, lowered.contains(String(target)) || String(target).contains(lowered) {
                return (budget + 1, candidate)
            }
            return nil
        }
        let best = scored.map(\.0).min() ?? 0
        return scored.filter { $0.0 <= best + 1 }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
