import Foundation

/// What the workbook-wide parts say: the sheets and where they are, the date system, which cell
/// styles show dates, and the shared strings.
struct WorkbookParts {
    /// A sheet as listed in `xl/workbook.xml`, in workbook order.
    struct Sheet {
        var name: String
        /// The sheet's part inside the zip (`xl/worksheets/sheet1.xml`).
        var path: String
    }

    /// Why a part cannot be used.
    enum Failure: Error {
        case archive(WorkbookArchive.Failure)
        /// A part is not well-formed XML.
        case malformed(part: String, reason: String)
    }

    var sheets: [Sheet] = []
    /// Whether dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30.
    var date1904 = false
    /// For each cell style index (`s="3"`), whether its number format shows a date.
    var dateStyles: [Bool] = []
    var sharedStrings: [String] = []

    /// Parts given directly (for tests of one sheet).
    init(sharedStrings: [String] = [], dateStyles: [Bool] = [], date1904: Bool = false) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    /// Reads the workbook-wide parts.
    init(archive: inout WorkbookArchive) throws(Failure) {
        var listed: [(name: String, id: String)] = []
        var date1904 = false
        try Self.read(&archive, "xl/workbook.xml") { events in
            events.start = { name, attributes in
                if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"] {
                    listed.append((sheetName, id))
                } else if name == "workbookPr", let value = attributes["date1904"] {
                    date1904 = value == "1" || value == "true"
                }
            }
        }
        var relations: [String: String] = [:]
        try Self.read(&archive, "xl/_rels/workbook.xml.rels") { events in
            events.start = { name, attributes in
                if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { relations[id] = target }
            }
        }
        self.date1904 = date1904
        sheets = listed.compactMap { sheet in
            guard let target = relations[sheet.id] else { return nil }
            return Sheet(name: sheet.name, path: target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        if archive.contains("xl/styles.xml") { dateStyles = try Self.dateStyles(&archive) }
        if archive.contains("xl/sharedStrings.xml") { sharedStrings = try Self.sharedStrings(&archive) }
    }

    /// Parses one part with the events `configure` sets up.
    static func read(_ archive: inout WorkbookArchive, _ part: String, _ configure: (XMLEvents) -> Void) throws(Failure) {
        let data: Data
        do { data = try archive.part(part) } catch { throw .archive(error) }
        let events = XMLEvents()
        configure(events)
        if let reason = events.parse(data) { throw .malformed(part: part, reason: reason) }
    }

    /// `cellXfs` in order, each marked when its number format is a date format.
    private static func dateStyles(_ archive: inout WorkbookArchive) throws(Failure) -> [Bool] {
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        try read(&archive, "xl/styles.xml") { events in
            events.start = { name, attributes in
                switch name {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                default: break
                }
            }
            events.end = { name in if name == "cellXfs" { inCellXfs = false } }
        }
        return formats.map { id in custom[id].map(NumberFormat.showsDate) ?? NumberFormat.isBuiltInDate(id) }
    }

    /// The shared string table: each `si`'s text runs joined, phonetic runs (`rPh`) left out.
    private static func sharedStrings(_ archive: inout WorkbookArchive) throws(Failure) -> [String] {
        var strings: [String] = []
        var current = "", inText = false, phonetic = 0
        try read(&archive, "xl/sharedStrings.xml") { events in
            events.start = { name, _ in
                switch name {
                case "si": current = ""
                case "t": inText = phonetic == 0
                case "rPh": phonetic += 1
                default: break
                }
            }
            events.end = { name in
                switch name {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": phonetic -= 1
                default: break
                }
            }
            events.text = { text in if inText { current += text } }
        }
        return strings
    }
}
