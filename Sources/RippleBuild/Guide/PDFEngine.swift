import Foundation
import RippleCore

/// Makes a PDF (the guide's, a report's) from an HTML page with WeasyPrint, run as a separate program through
/// `ExternalProcess`: limited in time and memory (`guide.pdf_timeout`, `guide.pdf_memory`), in a private
/// temporary folder removed on every way out.
///
/// WeasyPrint never fetches anything from the network: it runs through its Python API with a URL fetcher that
/// reads only `data:` URLs and the files Ripple wrote into that folder (`script`), so an image or stylesheet on
/// another site is left out rather than requested at build time. When `weasyprint` is not a Python script (a
/// bundled build), its command line runs instead; the HTML handed to it has no remote images either way
/// (`EPUBMedia.linkingRemoteImages`, by the callers).
///
/// WeasyPrint reads `SOURCE_DATE_EPOCH` for the PDF's dates; Ripple sets it from the content, so the PDF
/// carries no build time.
package struct PDFEngine: Sendable {
    /// The `weasyprint` executable.
    package var executable: URL
    /// Time and memory limits of one PDF.
    package var limits = ExternalProcess.Limits(seconds: 600, memoryMB: 4096)
    /// Called with a line to show before WeasyPrint starts ("Making the guide's PDF with WeasyPrint (112 chapters)…");
    /// the CLI prints it.
    package var progress: (@Sendable (String) -> Void)?

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

    /// The limits set in ripple.yaml.
    package mutating func limit(by settings: GuideSettings) {
        limits = ExternalProcess.Limits(seconds: settings.pdfTimeout, memoryMB: settings.pdfMemory)
    }

    /// What is being made, for the progress line and the messages.
    package struct Job: Sendable {
        /// "the guide's PDF".
        package var name: String
        /// "112 chapters", shown in brackets after the name in the progress line.
        package var detail: String?
        /// The hint of a failure that is not a limit.
        package var hint: String

        /// Creates a job.
        package init(name: String, detail: String? = nil, hint: String) { self.name = name; self.detail = detail; self.hint = hint }
    }

    /// Renders `html` to PDF. `files` are written beside it first (paths relative to the temporary folder: the
    /// print stylesheet and the images), with the page at `htmlPath`; `epoch` becomes the PDF's date.
    package func render(html: String, htmlPath: String, files: [String: [UInt8]], epoch: Int,
                        job: Job = .guide) throws(DiagnosticError) -> [UInt8] {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(epoch)
        let (program, arguments) = invocation(page: htmlPath, output: Self.outputName)
        let process = ExternalProcess(executable: program, arguments: arguments, environment: environment, limits: limits)
        progress?("Making \(job.name) with WeasyPrint\(job.detail.map { " (\($0))" } ?? "")…")
        let result: Result<[UInt8], DiagnosticError>
        do {
            result = try process.run(folderPrefix: "ripple-pdf", prepare: { folder in
                for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                    let url = folder.appending(path: path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(bytes).write(to: url)
                }
                let page = folder.appending(path: htmlPath)
                try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(html.utf8).write(to: page)
            }, collect: { folder, run in
                if run.outcome == .exited(0), let bytes = FileManager.default.contents(atPath: folder.appending(path: Self.outputName).path) {
                    return .success(Array(bytes))
                }
                return .failure(DiagnosticError(failure(run, job: job)))
            })
        } catch let error as POSIXError {
            throw DiagnosticError(.error("could not start WeasyPrint at '\(executable.path)': \(error.localizedDescription)",
                                         hint: "reinstall it (apt-get install weasyprint), or set `pdf: never` under `guide:` in ripple.yaml"))
        } catch {
            throw DiagnosticError(.error("could not prepare \(job.name): \(error.localizedDescription)",
                                         hint: "check that the temporary folder (\(FileManager.default.temporaryDirectory.path)) is writable"))
        }
        return try result.get()
    }

    private static let outputName = "ripple-output.pdf"

    /// The diagnostic of a run that made no PDF: which limit it hit and how to raise it, or WeasyPrint's last words.
    func failure(_ run: ExternalProcess.Run, job: Job) -> Diagnostic {
        let what = job.name + (job.detail.map { " (\($0))" } ?? "")
        switch run.outcome {
        case .timedOut:
            return .error("WeasyPrint took longer than \(limits.seconds) seconds making \(what), so Ripple stopped it",
                          at: SourceLocation(file: "ripple.yaml", field: "guide.pdf_timeout"),
                          hint: "allow more time with `pdf_timeout: \(limits.seconds * 2)` (seconds) under `guide:` in ripple.yaml, or set `pdf: never` to skip the PDF")
        case .stopped:
            return .error("Ripple was stopped while WeasyPrint was making \(what)", hint: "run the command again")
        case .exited, .signalled:
            if run.ranOutOfMemory {
                return .error("WeasyPrint needed more than \(limits.memoryMB) MB of memory making \(what), so it stopped",
                              at: SourceLocation(file: "ripple.yaml", field: "guide.pdf_memory"),
                              hint: "allow more with `pdf_memory: \(limits.memoryMB * 2)` (megabytes) under `guide:` in ripple.yaml, or set `pdf: never` to skip the PDF")
            }
            let detail = run.errors.split(separator: "\n").last.map(String.init) ?? ""
            return .error("WeasyPrint could not make \(job.name)\(detail.isEmpty ? "" : ": " + detail)", hint: job.hint)
        }
    }

    /// The program and arguments: WeasyPrint's Python with `script` when `weasyprint` is a Python script (its
    /// `#!` line names the interpreter), else its command line.
    func invocation(page: String, output: String) -> (URL, [String]) {
        if let handle = try? FileHandle(forReadingFrom: executable),
           let head = try? handle.read(upToCount: 256), head.starts(with: Array("#!".utf8)) {
            try? handle.close()
            let line = String(decoding: head.dropFirst(2).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if let first = words.first, words.contains(where: { $0.split(separator: "/").last?.hasPrefix("python") == true }) {
                return (URL(fileURLWithPath: first), Array(words.dropFirst()) + ["-c", Self.script, page, output])
            }
        }
        return (executable, ["--quiet", "--presentational-hints", page, output])
    }

    /// WeasyPrint through its Python API, as its command line runs it (`--presentational-hints`, fonts
    /// optimised, no log output), with a URL fetcher that reads only `data:` URLs and files inside the working
    /// folder: nothing on the network, nothing elsewhere on the computer.
    static let script = """
        import os, sys
        from urllib.parse import unquote, urlsplit
        from weasyprint import HTML, default_url_fetcher
        root = os.path.realpath(os.getcwd())
        def fetch(url, *args, **kwargs):
            parts = urlsplit(url)
            if parts.scheme == 'data':
                return default_url_fetcher(url, *args, **kwargs)
            if parts.scheme == 'file' and parts.netloc in ('', 'localhost'):
                if os.path.realpath(unquote(parts.path)).startswith(root + os.sep):
                    return default_url_fetcher(url, *args, **kwargs)
            raise ValueError('Ripple lets WeasyPrint read only the files it was given, not ' + url)
        HTML(filename=sys.argv[1], url_fetcher=fetch).write_pdf(
            sys.argv[2], presentational_hints=True, optimize_size=('fonts',))
        """
}

extension PDFEngine.Job {
    /// The guide's PDF.
    package static let guide = PDFEngine.Job(
        name: "the guide's PDF",
        hint: "check the print page (guide/print.html) in a browser; set `pdf: never` under `guide:` to skip the PDF")

    /// The guide's PDF of a book with `chapters` chapters.
    package static func guide(chapters: Int) -> PDFEngine.Job {
        var job = guide
        job.detail = "\(chapters) chapter\(chapters == 1 ? "" : "s")"
        return job
    }
}
