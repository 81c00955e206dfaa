import ArgumentParser
import Foundation
import RippleCore

/// The one place that prints diagnostics and turns them into exit codes.
enum Console {
    /// Prints diagnostics to standard error, errors and warnings counted in a closing line.
    static func report(_ diagnostics: [Diagnostic], quiet: Bool = false) {
        for diagnostic in diagnostics where !(quiet && diagnostic.severity != .error) {
            printError(diagnostic.description)
        }
    }

    /// Prints every diagnostic and a closing line, and gives the exit code of a failed command.
    /// `closingLine` gets the tally ("1 error, 0 warnings").
    static func failure(_ diagnostics: [Diagnostic], _ closingLine: (_ tally: String) -> String) -> ExitCode {
        report(diagnostics)
        printError(closingLine(tally(diagnostics)))
        return ExitCode(1)
    }

    /// Writes a file the user asked for (`--output`), turning a failure into a diagnostic that says what to do.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(DiagnosticError) {
        do { try Data(bytes).write(to: URL(fileURLWithPath: path)) } catch {
            throw DiagnosticError(.error("cannot write '\(path)': \(error.localizedDescription)",
                                         hint: "check that the folder exists and is writable, or choose another --output"))
        }
    }

    /// "2 errors, 1 warning".
    static func tally(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// Shows a line about a long step (making a PDF) at once, on standard error: a status, not the command's result.
    @Sendable static func progress(_ line: String) {
        printError(line)
    }

    /// Writes a line to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Seconds since `start`, formatted for humans.
    static func elapsed(since start: ContinuousClock.Instant) -> String {
        let duration = ContinuousClock.now - start
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms < 1000 ? "\(Int(ms.rounded())) ms" : String(format: "%.2f s", ms / 1000)
    }
}
