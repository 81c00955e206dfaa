import Foundation
import RippleCore
import RippleData
import ZIPFoundation

/// Writes tables as an `.xlsx` workbook, one sheet per table (`Sessions`), as a person would have
/// typed them: whole and decimal numbers as numbers, ISO dates as date cells (`yyyy-mm-dd`), the rest as
/// text. Deterministic: the same tables give the same bytes. Used by `ripple sample-data --format xlsx`.
package enum WorkbookWriter {
    /// The workbook's bytes.
    package static func workbook(_ tables: [CellTable]) throws(DiagnosticError) -> [UInt8] {
        let names = tables.map { $0.table.prefix(1).uppercased() + $0.table.dropFirst() }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: tables.count)),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(names.enumerated().map { "<sheet name=\"\(Escape.xml($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined())</sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(tables.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())<Relationship Id="rId\(tables.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """),
            ("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """),
        ]
        for (index, table) in tables.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet(table))) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 315_532_800)  // ZIP dates start in 1980; a fixed one keeps the bytes
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     permissions: 0o644, compressionMethod: .deflate,
                                     provider: { position, size in data.subdata(in: Data.Index(position)..<Data.Index(position) + size) })
            }
            guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
            return Array(bytes)
        } catch {
            throw DiagnosticError(.error("could not write the workbook: \(error)", hint: "this is a bug in Ripple; please report it"))
        }
    }

    private static func contentTypes(count: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\((1...max(count, 1)).prefix(count).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())</Types>
        """
    }

    private static func sheet(_ table: CellTable) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        let letters = table.headers.indices.map { SourceLocation.columnLetters($0 + 1) }
        func row(_ number: Int, _ cells: [String], typed: Bool) {
            xml += "<row r=\"\(number)\">"
            for (column, text) in cells.enumerated() where !text.isEmpty {
                let reference = "\(letters[column])\(number)"
                if typed, let day = date(text) {
                    xml += "<c r=\"\(reference)\" s=\"1\"><v>\(Int(day.ordinal) + 25_569)</v></c>"
                } else if typed, isNumber(text) {
                    xml += "<c r=\"\(reference)\"><v>\(text)</v></c>"
                } else {
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Escape.xml(text))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        row(1, table.headers, typed: false)
        var number = 1
        table.forEachRow { cells in
            number += 1
            row(number, cells.map { String(decoding: $0, as: UTF8.self) }, typed: true)
        }
        return xml + "</sheetData></worksheet>"
    }

    /// An ISO date from 1900-03-01 on (before it, Excel's serials count a day that never was).
    private static func date(_ text: String) -> Day? {
        guard text.utf8.count == 10, let day = Day(iso: text), day >= Day(iso: "1900-03-01")! else { return nil }
        return day
    }

    /// A number as a CSV export writes it: digits, one optional dot between digits, an optional minus;
    /// no leading zeros (ids such as 007 stay text).
    private static func isNumber(_ text: String) -> Bool {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              body.count <= 15 else { return false }
        return parts[0] == "0" || !parts[0].hasPrefix("0")
    }
}
