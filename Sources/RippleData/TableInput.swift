import RippleCore

/// Where one table's rows come from: a CSV or JSON file's bytes, or cells another reader split.
enum TableInput: Sendable {
    case file(DataFile)
    case cells(CellTable)

    /// The file diagnostics point into.
    var path: String {
        switch self {
        case .file(let file): file.path
        case .cells(let cells): cells.file
        }
    }

    /// The sheet diagnostics point into, for a workbook.
    var sheet: String? {
        if case .cells(let cells) = self { return cells.sheet }
        return nil
    }

    /// How messages name the source (`pairs.csv`, `program.xlsx[Pairs]`).
    var displayName: String {
        switch self {
        case .file(let file): file.fileName
        case .cells(let cells): cells.displayName
        }
    }

    /// About how many rows it holds, to reserve room.
    var rowCount: Int {
        switch self {
        case .file(let file): file.bytes.withUnsafeBufferPointer(ByteText.lineCount)
        case .cells(let cells): cells.rowCount
        }
    }
}
