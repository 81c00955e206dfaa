import RippleRender
import RippleTestSupport
import Testing

/// Search documents wait packed from the Markdown stage to the index (and in the incremental cache).
@Suite struct PackedDocumentTests {
    @Test func randomDocumentsUnpackAsTheyWere() {
        var g = SeededRandom(seed: 17)
        for k in 0..<300 {
            let document = IncrementalSearchIndexTests.page(&g, k).document
            let packed = PackedDocument(document)
            #expect(packed.document == document)
            #expect(PackedDocument(trusting: packed.bytes) == packed)
        }
    }

    @Test func unicodeAndEmptyFieldsSurvive() {
        let document = AnalysedDocument(
            title: "Café — “quotes” 🎉", url: "guide/é/index.html",
            sections: [.init(id: "", heading: "", snippet: "", body: [], head: []),
                       .init(id: "naïve", heading: "Naïve ✓", snippet: "line\nbreak\u{2028}", body: [0, 1], head: [1])],
            terms: ["cafe", "naive"], titleTerms: [0])
        #expect(PackedDocument(document).document == document)
    }

    @Test func bytesThatDoNotUnpackGiveAnEmptyDocumentNotACrash() {
        #expect(PackedDocument(trusting: [1, 2, 3]).document.sections.isEmpty)
        #expect(PackedDocument(trusting: []).document.title == "")
    }
}
