import Foundation
@testable import RippleSources
import Testing

@Suite struct XMLEventsTests {
    /// A 47,000-session sheet is 21 MB on one line; `XMLParser(data:)`, used at first, failed on Linux past
    /// about 10 MB (swift-corelibs-foundation#4851). The scanner has no such limit.
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

@Suite struct XMLScannerTests {
    private func events(_ xml: String) -> (log: [String], failure: String?) {
        var log: [String] = []
        let events = XMLEvents()
        events.start = { name, attributes in log.append("<\(name) r=\(attributes["r"] ?? "-")>") }
        events.end = { name in log.append("</\(name)>") }
        events.text = { text in log.append(text) }
        let failure = events.parse(Data(xml.utf8))
        return (log, failure)
    }

    @Test func prefixesEntitiesCDATAAndComments() {
        let result = events("""
            <?xml version="1.0" encoding="UTF-8"?>
            <x:sheetData xmlns:x="urn:x"><!-- a comment --><x:c x:r="A1"><x:v>a &amp; b &lt;&#233;&#x263A;&gt;</x:v></x:c><c r='B1'><![CDATA[<raw>]]></c><e/></x:sheetData>
            """)
        #expect(result.failure == nil)
        #expect(result.log == ["<sheetData r=->", "<c r=A1>", "<v r=->", "a & b <é☺>", "</v>", "</c>", "<c r=B1>", "<raw>", "</c>",
                               "<e r=->", "</e>", "</sheetData>"])
    }

    @Test func malformedPartsAreRefusedWithTheirLine() {
        #expect(events("<a>\n<b></a>").failure == "</a> does not close the open element (line 2)")
        #expect(events("<a>").failure == "<a> is never closed (line 1)")
        #expect(events("<a>&bogus;</a>").failure == "the entity &bogus; is unknown (line 1)")
        #expect(events("<!DOCTYPE a [<!ENTITY x \"xx\">]><a>&x;</a>").failure == "document type declarations are not allowed in a workbook (line 1)")
        #expect(events("<a b=c/>").failure == "an attribute value of <a is not quoted (line 1)")
        #expect(events("<a/><b/>").failure == "a second root element (line 1)")
        #expect(events("").failure == "the part has no root element (line 1)")
        #expect(events("<a x=\"1").failure == "an attribute value of <a is never closed (line 1)")
    }
}

/// Sheets as other writers lay them out: JasperReports writes `x:`-prefixed, indented XML with rich-text
/// runs in inline strings (the layout of openpyxl's test file reader/tests/data/jasper_sheet.xml).
@Suite struct SheetLayoutTests {
    @Test func prefixedIndentedRichTextRuns() {
        let xml = """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <x:sheetData>
                <x:row r="2" ht="20" customHeight="1">
                  <x:c r="A2" s="1" t="inlineStr" />
                  <x:c r="B2" s="2" t="inlineStr">
                    <x:is>
                      <x:r>
                        <x:rPr>
                          <x:sz val="14.0" />
                        </x:rPr>
                        <x:t xml:space="preserve">cohort_</x:t>
                      </x:r>
                      <x:r><x:t>id</x:t></x:r>
                    </x:is>
                  </x:c>
                </x:row>
                <x:row r="3">
                  <x:c r="B3" t="inlineStr"><x:is><x:t xml:space="preserve">Recepción &amp; co</x:t></x:is></x:c>
                </x:row>
              </x:sheetData>
            </x:worksheet>
            """
        let result = SheetReader(parts: WorkbookParts(), table: "cohorts", file: "content/data/export.xlsx", sheet: "Cohorts")
            .read(Data(xml.utf8))
        #expect(result.malformed == nil)
        #expect(result.diagnostics.isEmpty)
        #expect(result.table?.headers == ["", "cohort_id"])
        #expect(result.table?.headerLine == 2)
        #expect(result.table.map { String(decoding: $0.csv, as: UTF8.self) } == ",cohort_id\n,Recepción & co\n")
    }
}
