import RippleCore
import Testing

@Suite struct ByteSearchTests {
    @Test func findsTheFirstOccurrenceFromAnOffset() {
        let text = Array("a-->b-->c".utf8)
        #expect(ByteSearch.firstIndex(of: Array("-->".utf8), in: text) == 1)
        #expect(ByteSearch.firstIndex(of: Array("-->".utf8), in: text, from: 2) == 5)
        #expect(ByteSearch.firstIndex(of: Array("-->".utf8), in: text, from: 6) == nil)
        #expect(ByteSearch.firstIndex(of: Array("c".utf8), in: text, from: 8) == 8)
        #expect(ByteSearch.firstIndex(of: Array("--x".utf8), in: text) == nil, "candidates whose first byte matches are passed")
        #expect(ByteSearch.firstIndex(of: [], in: text) == nil)
        #expect(ByteSearch.firstIndex(of: Array("ab".utf8), in: Array("a".utf8)) == nil)
        #expect(ByteSearch.firstIndex(of: Array("é".utf8), in: Array("café".utf8)) == 3)
    }

    @Test func containsInStringsAndSubstrings() {
        #expect(ByteSearch.contains("[^", in: "a note[^1] here"))
        #expect(!ByteSearch.contains("[^", in: "a note [1] here"))
        #expect(ByteSearch.contains("://", in: "see https://example.org"[...]))
        #expect(!ByteSearch.contains("://", in: "see https://example.org".dropFirst(10)))
        #expect(!ByteSearch.contains("www.", in: ""))
        #expect(ByteSearch.contains("é", in: "café"))
        // Bytes, not Characters: a superset of `String.contains`, which is what a cheap check before a scan needs.
        #expect(ByteSearch.contains("[^", in: "[^\u{301}"))
        #expect(!"[^\u{301}".contains("[^"))
    }

    @Test func replacesEveryOccurrence() {
        #expect(ByteSearch.replacingAll("<pre><code", with: "<pre tabindex=\"0\"><code", in: "<pre><code>a</code></pre>\n<pre><code class=\"x\">")
                == "<pre tabindex=\"0\"><code>a</code></pre>\n<pre tabindex=\"0\"><code class=\"x\">")
        #expect(ByteSearch.replacingAll("ab", with: "-", in: "xyz") == "xyz")
        #expect(ByteSearch.replacingAll("ab", with: "", in: "abab") == "")
        #expect(ByteSearch.replacingAll("ab", with: "é", in: "é ab é") == "é é é")
        // A match beside a non-ASCII byte may join a Character there: left to `String`'s rules (nil).
        #expect(ByteSearch.replacingAll("ab", with: "-", in: "abé") == nil)
        #expect(ByteSearch.replacingAll("ab", with: "-", in: "\u{600}ab") == nil)
    }
}
