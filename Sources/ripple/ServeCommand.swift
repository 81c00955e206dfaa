import ArgumentParser
import Dispatch
import Foundation
import RippleBuild
import RippleCore
import RippleServe

/// `ripple serve`: builds the site into a private folder (`PreviewFolder`), serves it on this computer and rebuilds on save.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser; it rebuilds and reloads when you save a file.")

    @Option(name: .long, help: "The site folder (holding ripple.yaml).")
    var source: String = "."

    @Option(name: .long, help: "The port to listen on.")
    var port: UInt16 = 8080

    @Option(name: .long, help: "The address to listen on; anything but 127.0.0.1 lets other computers see the preview.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the preview in the web browser.")
    var open = false

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Print how long each stage of every build took.")
    var verbose = false

    func run() throws {
        let sourceURL = URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        guard FileManager.default.fileExists(atPath: sourceURL.appendingPathComponent("ripple.yaml").path) else {
            Console.report([.error("there is no ripple.yaml in \(source)", at: SourceLocation(file: "ripple.yaml"),
                                   hint: "run ripple serve inside the site folder, or give it with --source")])
            throw ExitCode(1)
        }
        if let warning = SiteWatcher.environmentWarning(ProcessInfo.processInfo.environment) { Console.report([warning]) }
        let preview: PreviewFolder
        do { preview = try PreviewFolder.create() } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        // Removed on every way out: Ctrl-C, SIGTERM or SIGHUP (handled below), a failure to start, a normal end.
        defer { preview.remove() }
        let output = preview.site
        let includeDrafts = drafts
        let verbose = verbose
        // Kept across rebuilds: a save re-renders only what it affects (see RippleBuild/Incremental).
        let state = IncrementalState()
        let session = ServeSession(source: sourceURL, output: output, host: host, port: port) { baseURL, changed throws(DiagnosticError) in
            try await Self.build(source: sourceURL, output: output, includeDrafts: includeDrafts, baseURL: baseURL, state: state,
                                 changed: changed, verbose: verbose)
        }
        let openBrowser = open
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            do throws(DiagnosticError) {
                try await session.run(log: Self.print, ready: { url in if openBrowser { Self.openBrowser(url) } })
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        // Ctrl-C (or SIGTERM, or the terminal closing) cancels the session, which closes the event streams and the
        // listener; then the preview folder is removed and we exit 0.
        let stops = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        done.wait()
        for source in stops { source.cancel() }
        if let error = outcome.error {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        Self.printLine("Stopped.")
    }

    /// One build, off the cooperative threads (it is synchronous and may take a while).
    private static func build(source: URL, output: URL, includeDrafts: Bool, baseURL: String,
                              state: IncrementalState, changed: [String]?, verbose: Bool) async throws(DiagnosticError) -> ServeSession.BuildSummary {
        let result: Result<ServeSession.BuildSummary, DiagnosticError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                // No PDF in the preview (WeasyPrint takes seconds; a note says so once); the guide downloads wait for a
                // pause in the saves.
                let builder = SiteBuilder.preview(
                    source: source, output: output, assembler: SiteAssembler(includeDrafts: includeDrafts, baseURL: baseURL),
                    state: state, changed: changed)
                do throws(DiagnosticError) {
                    let report = try builder.build()
                    if verbose { printLine("Stages: \(report.timings.summary)") }
                    let configText = (try? String(contentsOf: source.appendingPathComponent(ConfigParser.fileName), encoding: .utf8)) ?? ""
                    let title = (try? ConfigParser.parse(configText))?.title ?? "the site"
                    continuation.resume(returning: .success(ServeSession.BuildSummary(
                        title: title, diagnostics: report.diagnostics, deferred: report.deferredWork,
                        changedPages: report.changedPages)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    @Sendable private static func print(_ message: ServeSession.Message) {
        switch message {
        case .failed, .exposed: Console.printError(message.text)
        case .built(_, let cause, let diagnostics):
            Console.report(diagnostics)
            // The first build is announced by "Serving …"; rebuilds get their own line.
            if cause != .start, let line = message.text.split(separator: "\n").last { printLine(String(line)) }
        case .serving: printLine(message.text)
        }
    }

    /// Writes a line to standard output unbuffered, so each rebuild shows at once even in a pipe or log file.
    private static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// `xdg-open` when it is installed; a failure to open is not an error.
    private static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

/// The session's failure, handed from its task to the command's thread.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: DiagnosticError?

    var error: DiagnosticError? { lock.withLock { stored } }

    func set(_ error: DiagnosticError) { lock.withLock { stored = error } }
}
