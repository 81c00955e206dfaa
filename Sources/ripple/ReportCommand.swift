import ArgumentParser
import Foundation
import RippleBuild
import RippleCore

/// `ripple report`: writes one quarter's report as a single file to send.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one quarter's report as a single file: self-contained HTML or PDF.")

    @Option(name: .long, help: "The quarter, like 2026-Q3.")
    var quarter: String

    @Option(name: .long, help: "The site folder (holding ripple.yaml).")
    var source: String = "."

    @Option(name: .long, help: "The file to write (default: report-<quarter>.<format>).")
    var output: String?

    @Option(name: .long, help: "html (styles and charts inline) or pdf (through WeasyPrint).")
    var format: StandaloneReport.Format = .html

    func run() throws {
        let target = output ?? "report-\(quarter.uppercased()).\(format.rawValue)"
        Interruption.stopChildrenOnSignal()
        var engine = PDFEngine.locate()
        engine?.progress = Console.progress
        let report = StandaloneReport(source: URL(fileURLWithPath: source), quarter: quarter, format: format, engine: engine)
        let file = SingleFileOutput(path: target, source: URL(fileURLWithPath: source))
        do throws(DiagnosticError) {
            try file.check()
            let (bytes, diagnostics) = try report.make()
            Console.report(diagnostics)
            try file.write(bytes)
            print("Wrote the \(quarter.uppercased()) report to \(target)")
        } catch {
            throw Console.failure(error.diagnostics) { "No report written: \($0)." }
        }
    }
}

extension StandaloneReport.Format: ExpressibleByArgument {}
