import Foundation
import RippleCore

/// Makes the guide's PDF from the print page with WeasyPrint, run as a separate program.
///
/// WeasyPrint reads `SOURCE_DATE_EPOCH` for the PDF's dates; Ripple sets it from the content, so the PDF
/// carries no build time.
package struct PDFEngine: Sendable {
    /// The `weasyprint` executable.
    package var executable: URL

    /// Creates an engine around an executable.
    package init(executable: URL) { self.executable = executable }

    /// The note given when `guide.pdf: auto` finds no engine.
    package static let skippedNote = Diagnostic(.note, "PDF skipped: WeasyPrint is not installed (apt-get install weasyprint)")

    /// Finds `weasyprint` on `PATH` (from `environment`, by default the process's).
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appending(path: "weasyprint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return PDFEngine(executable: candidate) }
        }
        return nil
    }

    /// Renders `html` to PDF. `files` are written beside it first (paths relative to the output folder: the
    /// print stylesheet and the images), with the page at `htmlPath`; `epoch` becomes the PDF's date.
    package func render(html: String, htmlPath: String, files: [String: [UInt8]], epoch: Int) throws(DiagnosticError) -> [UInt8] {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appending(path: "ripple-pdf-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        let page = folder.appending(path: htmlPath)
        let pdf = folder.appending(path: "guide.pdf")
        do {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let url = folder.appending(path: path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            try fm.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw DiagnosticError(.error("could not prepare the PDF: \(error.localizedDescription)",
                                         hint: "check that the temporary folder (\(fm.temporaryDirectory.path)) is writable"))
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--quiet", "--presentational-hints", page.path, pdf.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(epoch)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw DiagnosticError(.error("could not start WeasyPrint at '\(executable.path)': \(error.localizedDescription)",
                                         hint: "reinstall it (apt-get install weasyprint), or set `pdf: never` under `guide:` in ripple.yaml"))
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let bytes = fm.contents(atPath: pdf.path) else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw DiagnosticError(.error("WeasyPrint could not make the guide's PDF\(detail.isEmpty ? "" : ": " + detail)",
                                         hint: "check the print page (guide/print.html) in a browser; set `pdf: never` under `guide:` to skip the PDF"))
        }
        return Array(bytes)
    }
}
