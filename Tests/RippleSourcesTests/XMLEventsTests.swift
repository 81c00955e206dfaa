import Foundation
@testable import RippleSources
import Testing

@Suite struct XMLEventsTests {
    /// `XMLParser(data:)` fails on Linux past about 10 MB (swift-corelibs-foundation#4851); a 47,000-session
    /// sheet is 21 MB on one line. XMLEvents reads from a stream, which has no such limit.
    @Test func partsLargerThanTenMegabytesParse() {
        let value = String(repeating: "x", count: 1000)
        let xml = "<sheetData>" + String(repeating: "<c v=\"\(value)\"/>", count: 11_000) + "</sheetData>"
        #expect(xml.utf8.count > 11_000_000)
        var cells = 0
        let events = XMLEvents()
        events.start = { name, _ in if name == "c" { cells += 1 } }
        #expect(events.parse(Data(xml.utf8)) == nil)
        #expect(cells == 11_000)
    }

    @Test func malformedXMLSaysWhere() {
        let events = XMLEvents()
        #expect(events.parse(Data("<a>\n<b></a>".utf8)) != nil)
    }
}
