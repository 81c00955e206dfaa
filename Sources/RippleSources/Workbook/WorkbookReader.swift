import Dispatch
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

        let known = Set(ProgramSchema.tables)
        // Sorted, so that when two tables name the same sheet the same one wins on every run.
        let mapped = Dictionary(sheets.sorted { $0.key < $1.key }.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        // Sheets are inflated one after another in the workbook's order (so the zip-bomb limits trip at the same
        // part on every run) and parsed on two threads: a program's sessions sheet is most of the workbook, and
        // the other sheets are read beside it. At most two sheets' XML is held at once (hundreds of megabytes
        // for 50,000 people); the results are put back in the workbook's order.
        let parsing = DispatchSemaphore(value: 2)
        var slots: [Slot] = []
        for sheet in parts.sheets {
            let at = SourceLocation(file: file.path, sheet: sheet.name)
            let normal = sheet.name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let table = mapped[sheet.name] ?? (known.contains(normal) && sheets[normal] == nil ? normal : nil) else {
                slots.append(.done([.warning("ignoring the sheet \(ByteText.quoted(sheet.name)): it is not named after a Ripple table",
                                             at: at,
                                             hint: "name the sheet after its table (\(ProgramSchema.tables.joined(separator: ", "))) or map it in ripple.yaml under data.sheets")]))
                continue
            }
            parsing.wait()
            let data: Data
            do { data = try archive.part(sheet.path) } catch {
                parsing.signal()
                slots.append(.done([Self.diagnostic(.archive(error), at: at)]))
                continue
            }
            let reader = SheetReader(parts: parts, table: table, file: file.path, sheet: sheet.name)
            slots.append(.parsing(BackgroundWork {
                defer { parsing.signal() }
                return reader.read(data)
            }, at: at, part: sheet.path))
        }
        var tables: [CellTable] = [], diagnostics: [Diagnostic] = []
        for slot in slots {
            switch slot {
            case .done(let found):
                diagnostics += found
            case .parsing(let work, let at, let part):
                let result = work.wait().0
                diagnostics += result.diagnostics
                if let reason = result.malformed {
                    diagnostics.append(Self.diagnostic(.malformed(part: part, reason: reason), at: at))
                } else if let cells = result.table {
                    tables.append(cells)
                } else {
                    diagnostics.append(.error("the sheet is empty: it has no header row", at: at,
                                              hint: "put the column names in the first row; a header without rows is fine"))
                }
            }
        }
        return (tables, diagnostics)
    }

    /// One sheet of the workbook: its problems known already, or its parse under way.
    private enum Slot {
        case done([Diagnostic])
        case parsing(BackgroundWork<(table: CellTable?, diagnostics: [Diagnostic], malformed: String?)>, at: SourceLocation, part: String)
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
