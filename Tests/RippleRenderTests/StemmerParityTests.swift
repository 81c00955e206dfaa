import Foundation
import RippleRender
import Testing

/// The Swift half of the stemmer parity check: `Fixtures/stemmer/stems.tsv` holds, for every word of
/// `words.txt` (real English words, the sample site's own vocabulary and a few non-English spellings), the terms
/// `SearchText` makes of it. `tests/browser/test_search_index.py` checks `search.js` against the same file, so
/// the two stemmers cannot drift apart without one of the tests failing.
///
/// Re-record with `RIPPLE_RECORD=1 swift test --filter StemmerParityTests` after an intended change of the rules
/// (and change `search.js` the same way).
@Suite struct StemmerParityTests {
    static let folder = Fixtures.repository.appendingPathComponent("Tests/RippleRenderTests/Fixtures/stemmer")

    /// One fixture line: the word, a tab, its terms separated by spaces (nothing when every word is dropped).
    static func line(_ word: String) -> String {
        word + "\t" + SearchText.terms(word).joined(separator: " ")
    }

    @Test func fixtureHoldsTheSwiftTermsOfEveryWord() throws {
        let words = try String(contentsOf: Self.folder.appendingPathComponent("words.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(words.count > 5000)
        let expected = words.map(Self.line).joined(separator: "\n") + "\n"
        let fixture = Self.folder.appendingPathComponent("stems.tsv")
        if ProcessInfo.processInfo.environment["RIPPLE_RECORD"] == "1" {
            try expected.write(to: fixture, atomically: true, encoding: .utf8)
        }
        let recorded = try String(contentsOf: fixture, encoding: .utf8)
        let mismatches = zip(recorded.split(separator: "\n", omittingEmptySubsequences: false),
                             expected.split(separator: "\n", omittingEmptySubsequences: false)).filter { $0 != $1 }
        #expect(mismatches.isEmpty, "first differences (fixture, Swift): \(mismatches.prefix(5))")
        #expect(recorded == expected, "re-record with RIPPLE_RECORD=1 if the rules changed on purpose")
    }

    @Test func fixtureExercisesEveryRule() throws {
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("stems.tsv"), encoding: .utf8)
        // A line of each rule, as recorded: -ies, -ches/-shes/-sses/-xes, plural -s, kept -ss/-us/-is, -ing, -ed,
        // a stop word, a one-letter word, accents folded, and a word split in two.
        for line in ["abilities\tability", "benches\tbench", "abashes\tabash", "abscesses\tabscess", "annexes\tannex",
                     "mentors\tmentor", "abyss\tabyss", "abacus\tabacus", "analysis\tanalysis", "mentoring\tmentor",
                     "abandoned\tabandon", "the\t", "a\t", "café\tcafe", "co-mentoring\tco mentor"] {
            #expect(lines.contains("\n" + line + "\n"), "\(line)")
        }
    }
}
