import ArgumentParser
import Foundation
import RippleCore

/// The one place that prints diagnostics and turns them into exit codes.
enum Console {
    /// Prints diagnostics to standard error, errors and warnings counted in a closing line.
    static func report(_ diagnostics: [Diagnostic], quiet: Bool = false) {
        for diagnostic in diagnostics where !(quiet && diagnostic.severity != .error) {
            printError(shown(diagnostic).description)
        }
    }

    /// Prints every diagnostic and a closing line, and gives the exit code of a failed command.
    /// `closingLine` gets the tally ("1 error, 0 warnings").
    static func failure(_ diagnostics: [Diagnostic], _ closingLine: (_ tally: String) -> String) -> ExitCode {
        report(diagnostics)
        printError(closingLine(tally(diagnostics)))
        return ExitCode(1)
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

    /// Writes a line to standard error, control characters neutralised (line breaks kept).
    static func printError(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { neutralised(String($0)) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// A diagnostic whose parts that come from input (message, hint, file, field) show control characters
    /// as escapes, line breaks included, so that data cannot move the cursor, recolour or retitle the
    /// terminal, or forge a line that looks like Ripple's own.
    static func shown(_ diagnostic: Diagnostic) -> Diagnostic {
        var shown = diagnostic
        shown.message = neutralised(diagnostic.message)
        shown.hint = diagnostic.hint.map(neutralised)
        shown.location?.file = neutralised(diagnostic.location?.file ?? "")
        shown.location?.field = diagnostic.location?.field.map(neutralised)
        return shown
    }

    /// The text with every C0 and C1 control character, DEL and bidirectional override written as `\u{1B}`.
    static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" }
            else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    /// Seconds since `start`, formatted for humans.
    static func elapsed(since start: ContinuousClock.Instant) -> String {
        let duration = ContinuousClock.now - start
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms < 1000 ? "\(Int(ms.rounded())) ms" : String(format: "%.2f s", ms / 1000)
    }
}
