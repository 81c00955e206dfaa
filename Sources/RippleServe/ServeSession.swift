import Foundation
import RippleCore
import Synchronization

/// `ripple serve` without the terminal: binds the preview server, builds the site, then rebuilds on
/// every settled change and tells the open pages (reload, or the diagnostics overlay). The build itself
/// is injected, so this target does not depend on the pipeline and tests can script builds.
package struct ServeSession: Sendable {
    /// What a successful build reports.
    package struct BuildSummary: Sendable, Equatable {
        /// The site's title, for the "Serving …" line.
        package var title: String
        /// Warnings and notes of the build.
        package var diagnostics: [Diagnostic]
        /// What the build left for a quiet moment ("the guide's EPUB and print edition"), nil when nothing: once
        /// no change has come for `quietPeriod`, the session builds with an empty list of changed files to make it.
        package var deferred: String?
        /// The output pages this build changed, when they are few (nil otherwise). After a build that made
        /// deferred work, only these pages reload; after any other build, every open page does.
        package var changedPages: [String]?

        /// Creates a summary.
        package init(title: String, diagnostics: [Diagnostic] = [], deferred: String? = nil, changedPages: [String]? = nil) {
            self.title = title
            self.diagnostics = diagnostics
            self.deferred = deferred
            self.changedPages = changedPages
        }
    }

    /// Builds the site into the served folder; `baseURL` is the preview address (`http://127.0.0.1:8080/`) and
    /// `changed` the paths (relative to the site folder) the watcher saw change since the previous build, nil
    /// for the first build or when the watcher cannot tell which files changed (look at every file), and empty to
    /// make what earlier builds deferred (`BuildSummary.deferred`). Throws the diagnostics of a failed build, which
    /// must leave the previous output in place.
    package typealias Build = @Sendable (_ baseURL: String, _ changed: [String]?) async throws(DiagnosticError) -> BuildSummary

    /// Something to show in the terminal.
    package enum Message: Equatable, Sendable {
        /// The server is up.
        case serving(title: String, url: String)
        /// The server listens beyond this computer.
        case exposed(host: String)
        /// A build succeeded.
        case built(milliseconds: Int, cause: Cause, diagnostics: [Diagnostic])
        /// A build failed; the last good site is still served.
        case failed(diagnostics: [Diagnostic])

        /// What a build was started for.
        package enum Cause: Equatable, Sendable {
            /// The first build.
            case start
            /// Files saved, added or deleted: how many.
            case files(Int)
            /// Changes the watcher could not name file by file (a folder deleted, say): the build looked at
            /// every file.
            case unknown
            /// What earlier builds deferred, made while no change came.
            case deferred(String)
        }

        /// The line(s) to print.
        package var text: String {
            switch self {
            case .serving(let title, let url):
                return "Serving \(title) at \(url) (Ctrl-C to stop)"
            case .exposed(let host):
                return "warning: listening on \(host), so other computers on the network can open this preview; "
                    + "the site may hold program data about participants"
            case .built(let ms, let cause, let diagnostics):
                var text = diagnostics.map(\.description).joined(separator: "\n")
                if !text.isEmpty { text += "\n" }
                switch cause {
                case .start: return text + "Built in \(ms) ms"
                case .unknown: return text + "Rebuilt in \(ms) ms (looked at every file)"
                case .files(let count): return text + "Rebuilt in \(ms) ms (\(count) file\(count == 1 ? "" : "s") changed)"
                case .deferred(let what): return text + "Made \(what) in \(ms) ms"
                }
            case .failed(let diagnostics):
                let errors = diagnostics.count { $0.severity == .error }
                return diagnostics.map(\.description).joined(separator: "\n")
                    + "\nBuild failed (\(errors) error\(errors == 1 ? "" : "s")); still serving the last good version"
            }
        }
    }

    /// The site folder (watched).
    package var source: URL
    /// The folder the build writes and the server serves.
    package var output: URL
    /// Listening address.
    package var host: String
    /// Listening port (0: any free one).
    package var port: UInt16
    /// The watcher's paths and timing.
    package var watcher: SiteWatcher
    /// The build.
    package var build: Build
    /// How long no change must come before what a build deferred is made.
    package var quietPeriod: Duration = .seconds(1)

    /// Creates a session; the watcher defaults to `content/`, `templates/` and `ripple.yaml` under `source`, with
    /// the method `RIPPLE_WATCH` asks for (`polling`; inotify otherwise).
    package init(source: URL, output: URL, host: String = "127.0.0.1", port: UInt16 = 8080,
                 watcher: SiteWatcher? = nil, build: @escaping Build) {
        self.source = source
        self.output = output
        self.host = host
        self.port = port
        self.watcher = watcher ?? SiteWatcher(root: source,
                                              method: SiteWatcher.method(environment: ProcessInfo.processInfo.environment))
        self.build = build
    }

    /// Runs until the task is cancelled (Ctrl-C), then stops the server. `ready` gets the URL once the
    /// first build is done and the site can be opened; `log` gets every message for the terminal.
    /// Throws only when the server cannot start, or another preview of the same site is running.
    package func run(log: @escaping @Sendable (Message) -> Void,
                     ready: @escaping @Sendable (String) -> Void = { _ in }) async throws(DiagnosticError) {
        let lock = try Self.lock(site: source)
        defer { if lock >= 0 { close(lock) } }
        try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let broadcaster = StatusBroadcaster(.succeeded(version: "0"))
        let server = PreviewServer(root: output, host: host, port: port, status: broadcaster)
        let bound = try await server.start()
        let url = "http://\(Self.urlHost(host)):\(bound)/"
        if !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) { log(.exposed(host: host)) }

        let versionPrefix = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
        var generation = 1
        // Watching starts before the first build, so that a save during it is not missed.
        let watch = watcher.start()
        let first = await rebuild(url: url, changed: nil, version: "\(versionPrefix)-\(generation)", cause: .start,
                                  notes: watch.note.map { [$0] } ?? [], log: log)
        await broadcaster.publish(first.status)
        log(.serving(title: first.title ?? "the site", url: url))
        ready(url)

        // The watcher's batches (kept aside, so that the batches of saves made during a long build make one
        // build together), and a tick once no batch has come for the quiet period after a build that deferred work.
        enum Event: Sendable { case changes, quiet(generation: Int) }
        let (events, feed) = AsyncStream<Event>.makeStream()
        let pending = Mutex<[[String]?]>([])
        let forwarding = Task {
            for await batch in watch.changes {
                pending.withLock { $0.append(batch) }
                feed.yield(.changes)
            }
            feed.finish()
        }
        let quietPeriod = self.quietPeriod
        var tick: Task<Void, Never>?
        func waitForQuiet(after result: Rebuild) {
            tick?.cancel()
            guard result.deferred != nil else { return }
            tick = Task { [generation] in
                try? await Task.sleep(for: quietPeriod)
                if !Task.isCancelled { feed.yield(.quiet(generation: generation)) }
            }
        }
        var deferred = first.deferred
        waitForQuiet(after: first)
        for await event in events {
            let result: Rebuild
            switch event {
            case .changes:
                let batches = pending.withLock { batches in defer { batches = [] }; return batches }
                guard !batches.isEmpty else { continue }  // taken with an earlier event's
                generation += 1
                let changed = Self.merged(batches)
                result = await rebuild(url: url, changed: changed, version: "\(versionPrefix)-\(generation)",
                                       cause: changed.map { .files($0.count) } ?? .unknown, log: log)
            case .quiet(let quietGeneration):
                guard quietGeneration == generation, let what = deferred else { continue }
                generation += 1
                result = await rebuild(url: url, changed: [], version: "\(versionPrefix)-\(generation)",
                                       cause: .deferred(what), log: log)
            }
            await broadcaster.publish(result.status)
            // A failed build leaves what was deferred deferred; the next good one says so again.
            if case .succeeded = result.status { deferred = result.deferred }
            waitForQuiet(after: result)
        }
        tick?.cancel()
        forwarding.cancel()
        await server.stop()
    }

    /// Batches of changed paths as one: every path once, sorted; nil (look at every file) when any batch is.
    static func merged(_ batches: [[String]?]) -> [String]? {
        var paths = Set<String>()
        for batch in batches {
            guard let batch else { return nil }
            paths.formUnion(batch)
        }
        return batches.count == 1 ? batches[0] : paths.sorted()
    }

    /// What one build gave the session.
    private struct Rebuild: Sendable {
        /// For the pages.
        var status: BuildStatus
        /// The site's title, when the build succeeded.
        var title: String?
        /// What the build left for a quiet moment.
        var deferred: String?
    }

    /// One build, timed and logged as made for `cause`. `notes` are logged with the build's diagnostics, not
    /// shown in the pages.
    private func rebuild(url: String, changed: [String]?, version: String, cause: Message.Cause,
                         notes: [Diagnostic] = [], log: @Sendable (Message) -> Void) async -> Rebuild {
        let start = ContinuousClock.now
        do {
            let summary = try await build(url, changed)
            let elapsed = ContinuousClock.now - start
            let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            log(.built(milliseconds: ms, cause: cause, diagnostics: notes + summary.diagnostics))
            // Deferred work (the guide downloads) changes no page but its own: the others need no reload.
            let only = if case .deferred = cause { summary.changedPages } else { [String]?.none }
            return Rebuild(status: .succeeded(version: version, only: only), title: summary.title,
                           deferred: summary.deferred)
        } catch {
            log(.failed(diagnostics: notes + error.diagnostics))
            return Rebuild(status: .failed(version: version, diagnostics: error.diagnostics))
        }
    }

    /// Locks the site folder itself (`flock` on it, held until the descriptor is closed or the process ends), so
    /// that a second preview of the same site is refused: each preview has its own folder, but a second one is
    /// almost always a forgotten terminal, and both would rebuild on every save. Throws when another `ripple serve`
    /// holds it; returns -1 when the file system cannot lock (a network share), where the preview goes on unguarded.
    static func lock(site: URL) throws(DiagnosticError) -> Int32 {
        let descriptor = open(site.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return -1 }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            guard code == EWOULDBLOCK else { return -1 }
            throw DiagnosticError(.error("another `ripple serve` is already previewing this site",
                                         hint: "use the preview that is running (its address is in its terminal), or stop it with Ctrl-C first"))
        }
        return descriptor
    }

    private static func urlHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
