import ArgumentParser
import Foundation
import RippleCore
import RippleData
import RippleSources

/// `ripple sample-data`: writes a realistic, deterministic program for trying Ripple out.
struct SampleDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample-data",
                                                    abstract: "Write a realistic sample program as CSV files, a workbook or a SQLite file.")

    /// The forms the sample can be written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, sqlite
    }

    @Option(name: .long, help: "The folder to write into (usually content/data).")
    var out: String

    @Option(name: .long, help: "csv: one file per table; xlsx: program.xlsx, one sheet per table; sqlite: program.db (data.source: sqlite:<path>).")
    var format: Format = .csv

    @Option(name: .long, help: "How many participants (10 to 100,000).")
    var participants: Int = 300

    @Option(name: .long, help: "Seed of the generator: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: "The reporting date the program runs up to (YYYY-MM-DD, 1975-01-01 to 2200-12-31).")
    var asOf: String = "2026-11-20"

    /// The most participants a sample program has: about 2 million sessions and 200 MB of CSV, twice the
    /// benchmark's large program (a larger one would not load on a typical machine).
    static let maxParticipants = 100_000
    /// The earliest `--as-of`: the sample runs four years back, and program data starts in 1970.
    static let earliestAsOf = Day(iso: "1975-01-01")!

    func validate() throws {
        guard (10...Self.maxParticipants).contains(participants) else {
            throw ValidationError("--participants must be between 10 and \(Self.maxParticipants), not \(participants)")
        }
        guard let day = Day(iso: asOf) else { throw ValidationError("--as-of must be a date like 2026-11-20") }
        guard day >= Self.earliestAsOf, day <= Day.latestAsOf else {
            throw ValidationError("--as-of must be between \(Self.earliestAsOf) and \(Day.latestAsOf), not \(asOf)")
        }
    }

    func run() throws {
        let generator = SampleProgramGenerator(participants: participants, seed: seed, asOf: Day(iso: asOf)!)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rows = 0
        let files = generator.generate()
        for file in files { rows += file.bytes.count { $0 == UInt8(ascii: "\n") } - 1 }
        let tables = files.compactMap { CellTable(csv: $0, table: String($0.path.dropLast(".csv".count))) }
        do {
            switch format {
            case .csv:
                for file in files { try Data(file.bytes).write(to: folder.appending(path: file.path)) }
            case .xlsx:
                try Data(try WorkbookWriter.workbook(tables)).write(to: folder.appending(path: "program.xlsx"))
            case .sqlite:
                try SQLiteWriter.write(tables, to: folder.appending(path: "program.db").path)
            }
        } catch let error as DiagnosticError {
            throw Console.failure(error.diagnostics) { "sample-data failed: \($0)." }
        }
        print("Wrote \(rows) rows for \(participants) participants into \(out)\(format == .csv ? "" : "/program." + (format == .xlsx ? "xlsx" : "db"))")
    }
}
