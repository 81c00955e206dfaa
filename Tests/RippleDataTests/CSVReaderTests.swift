import Testing
@testable import RippleData

@Suite struct CSVReaderTests {
    /// Every record as strings with its starting line.
    func records(_ text: String) -> [(Int, [String])] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var reader = CSVReader(bytes: b, start: ByteText.hasBOM(b) ? 3 : 0, delimiter: UInt8(ascii: ","))
            var spans: [FieldSpan] = [], scratch: [UInt8] = [], out: [(Int, [String])] = []
            while reader.next(into: &spans, scratch: &scratch) == .record {
                let fields = scratch.withUnsafeBufferPointer { s in
                    spans.map { ByteText.string(UnsafeBufferPointer(rebasing: ($0.inScratch ? s : b)[$0.start..<$0.end])) }
                }
                out.append((reader.recordLine, fields))
            }
            return out
        }
    }

    @Test func quotesEscapesAndEmbeddedNewlines() {
        let r = records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n")
        #expect(r.map(\.1) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "2", "3"]])
        #expect(r.map(\.0) == [1, 2, 4])
    }

    @Test func crlfTrimmingAndTrailingEmptyField() {
        let r = records("a , b,c\r\n 1 ,,\r\n")
        #expect(r.map(\.1) == [["a", "b", "c"], ["1", "", ""]])
    }

    @Test func noFinalNewlineAndBOM() {
        let r = records("\u{FEFF}a,b\n1,2")
        #expect(r.map(\.1) == [["a", "b"], ["1", "2"]])
    }

    @Test func unterminatedQuoteReportsWhereItOpened() {
        let bytes = Array("a,b\n1,2\n3,\"oops\n4,5\n".utf8)
        bytes.withUnsafeBufferPointer { b in
            var reader = CSVReader(bytes: b, start: 0, delimiter: UInt8(ascii: ","))
            var spans: [FieldSpan] = [], scratch: [UInt8] = []
            #expect(reader.next(into: &spans, scratch: &scratch) == .record)
            #expect(reader.next(into: &spans, scratch: &scratch) == .record)
            #expect(reader.next(into: &spans, scratch: &scratch) == .unterminatedQuote(line: 3, column: 3))
        }
    }

    @Test func detectsSemicolonAndTabDelimiters() {
        let semicolon = Array("a;b;c\n".utf8), tab = Array("a\tb\n".utf8), comma = Array("a,b;c\n".utf8)
        #expect(semicolon.withUnsafeBufferPointer { CSVReader.detectDelimiter($0, start: 0) } == UInt8(ascii: ";"))
        #expect(tab.withUnsafeBufferPointer { CSVReader.detectDelimiter($0, start: 0) } == UInt8(ascii: "\t"))
        #expect(comma.withUnsafeBufferPointer { CSVReader.detectDelimiter($0, start: 0) } == UInt8(ascii: ","))
    }

    @Test func utf8Validation() {
        let good = Array("héllo, wörld — ✓ 😀 plain ascii text here".utf8)
        #expect(good.withUnsafeBufferPointer { ByteText.firstInvalidUTF8($0) } == nil)
        let bad: [UInt8] = Array("abcdefghij".utf8) + [0xC3, 0x28] + Array("xyz".utf8)
        #expect(bad.withUnsafeBufferPointer { ByteText.firstInvalidUTF8($0) } == 10)
        let overlong: [UInt8] = [0xC0, 0xAF]
        #expect(overlong.withUnsafeBufferPointer { ByteText.firstInvalidUTF8($0) } == 0)
        let surrogate: [UInt8] = [0xED, 0xA0, 0x80]
        #expect(surrogate.withUnsafeBufferPointer { ByteText.firstInvalidUTF8($0) } == 0)
    }
}
