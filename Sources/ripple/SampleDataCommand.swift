import ArgumentParser
import Foundation
import RippleCore
import RippleData

/// `ripple sample-data`: writes a realistic, deterministic program for trying Ripple out.
struct SampleDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample-data",
                                                    abstract: "Write a realistic sample program as CSV files.")

    @Option(name: .long, help: "The folder to write the CSV files into (usually content/data).")
    var out: String

    @Option(name: .long, help: "How many participants.")
    var participants: Int = 300

    @Option(name: .long, help: "Seed of the generator: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: "The reporting date the program runs up to (YYYY-MM-DD).")
    var asOf: String = "2026-11-20"

    func validate() throws {
        guard participants >= 10 else { throw ValidationError("--participants must be at least 10") }
        guard Day(iso: asOf) != nil else { throw ValidationError("--as-of must be a date like 2026-11-20") }
    }

    func run() throws {
        let generator = SampleProgramGenerator(participants: participants, seed: seed, asOf: Day(iso: asOf)!)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rows = 0
        for file in generator.generate() {
            try Data(file.bytes).write(to: folder.appending(path: file.path))
            rows += file.bytes.count { $0 == UInt8(ascii: "\n") } - 1
        }
        print("Wrote \(rows) rows for \(participants) participants into \(out)")
    }
}
