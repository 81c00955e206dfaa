import Foundation
import RippleCore
import RippleData

/// Reads an `.xlsx` workbook into one `CellTable` per sheet that holds a Ripple table: a sheet named
/// after the table (`Sessions`, case and spaces aside) or mapped to it in `data.sheets`.
package struct WorkbookReader: Sendable {
    /// Table → sheet names from `data.sheets`.
    package let sheets: [String: String]

    /// Creates a reader with the sheet mapping of `ripple.yaml`.
    package init(sheets: [String: String] = [:]) {
        self.sheets = sheets
    }

    /// The tables found and every problem, located at the workbook, sheet and cell.
    package func read(_ file: SourceFile) -> (tables: [CellTable], diagnostics: [Diagnostic]) {
        let whole = SourceLocation(file: file.path)
        var archive: WorkbookArchive
        do { archive = try WorkbookArchive(bytes: file.bytes) } catch {
            return ([], [.error("the file is not an Excel workbook (.xlsx): it is not a zip archive, or a damaged one",
                                at: whole, hint: "open it in a spreadsheet program and save it again as Excel Workbook (.xlsx)")])
        }
        let parts: WorkbookParts
        do { parts = try WorkbookParts(archive: &archive) } catch { return ([], [Self.diagnostic(error, at: whole)]) }

        var tables: [CellTable] = [], diagnostics: [Diagnostic] = []
        let known = Set(ProgramSchema.tables)
        // Sorted, so that when two tables name the same sheet the same one wins on every run.
        let mapped = Dictionary(sheets.sorted { $0.key < $1.key }.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        for sheet in parts.sheets {
            let at = SourceLocation(file: file.path, sheet: sheet.name)
            let normal = sheet.name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let table = mapped[sheet.name] ?? (known.contains(normal) && sheets[normal] == nil ? normal : nil) else {
                diagnostics.append(.warning("ignoring the sheet \(ByteText.quoted(sheet.name)): it is not named after a Ripple table",
                                            at: at,
                                            hint: "name the sheet after its table (\(ProgramSchema.tables.joined(separator: ", "))) or map it in ripple.yaml under data.sheets"))
                continue
            }
            let data: Data
            do { data = try archive.part(sheet.path) } catch {
                diagnostics.append(Self.diagnostic(.archive(error), at: at))
                continue
            }
            let result = SheetReader(parts: parts, table: table, file: file.path, sheet: sheet.name).read(data)
            diagnostics += result.diagnostics
            if let reason = result.malformed {
                diagnostics.append(Self.diagnostic(.malformed(part: sheet.path, reason: reason), at: at))
            } else if let cells = result.table {
                tables.append(cells)
            } else {
                diagnostics.append(.error("the sheet is empty: it has no header row", at: at,
                                          hint: "put the column names in the first row; a header without rows is fine"))
            }
        }
        return (tables, diagnostics)
    }

    private static func diagnostic(_ failure: WorkbookParts.Failure, at location: SourceLocation) -> Diagnostic {
        let damaged = "open it in a spreadsheet program and save it again as Excel Workbook (.xlsx)"
        switch failure {
        case .archive(.notZip):
            return .error("the file is not an Excel workbook (.xlsx): it is not a zip archive, or a damaged one", at: location, hint: damaged)
        case .archive(.missingPart(let part)):
            return .error("the workbook has no part \(part), which every .xlsx file has", at: location, hint: damaged)
        case .archive(.damaged(let part)):
            return .error("the workbook's part \(part) is damaged or encrypted", at: location,
                          hint: "remove the password protection and " + damaged)
        case .archive(.tooLarge(let part)):
            return .error("the workbook's part \(part) expands to more than Ripple reads (1 GiB in all, and at most \(WorkbookArchive.ratioLimit) times the file's size past 16 MiB): it looks like a zip bomb",
                          at: location, hint: "check where the file came from; a real workbook this large should be read from a database source instead")
        case .malformed(let part, let reason):
            return .error("the workbook's part \(part) is not well-formed XML: \(reason)", at: location, hint: damaged)
        }
    }
}
