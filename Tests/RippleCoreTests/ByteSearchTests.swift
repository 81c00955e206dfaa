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
}
