import Foundation
import RippleCore

/// Notices saved, new, deleted and renamed files under a site's watched paths, for `ripple serve`.
///
/// On Linux the kernel reports changes (inotify, see `InotifyWatch`): an idle watch costs no CPU and a save is
/// heard at once. Scanning instead (`PollingWatch`: `stat` of every file every 300 ms) cost about 60 ms of CPU
/// per scan on a 10,000-chapter guide, half as much as the rebuilds it waited for on a 2-core machine, and added
/// up to 300 ms to every save. Polling remains the fallback: on other systems, when inotify cannot be set up,
/// when the system's limit on watched folders is reached, or when asked for (`RIPPLE_WATCH=polling`, e.g. for
/// a site on a network drive, whose changes made by other computers the kernel does not see).
///
/// A batch names files by their path relative to the site folder (`content/guide/a.md`), skipping what the
/// loader skips (hidden names, editor backups `name~`); nil means the watcher cannot say which files changed (a
/// folder was deleted or moved away, events were lost) and the build must look at every file.
package struct SiteWatcher: Sendable {
    /// How changes are noticed.
    package enum Method: String, Sendable, Equatable {
        /// The kernel reports them (Linux).
        case inotify
        /// Every watched file is looked at every `interval`.
        case polling
    }

    /// A started watch: its changes are collected from the moment `start()` returns.
    package struct Watch: Sendable {
        /// The method in use: `.polling` when inotify was asked for but could not be used.
        package var method: SiteWatcher.Method
        /// Why inotify could not be used, to show once; nil when it is used or was not asked for.
        package var note: Diagnostic?
        /// Each settled batch of changes, sorted (nil: look at every file), until the consuming task is
        /// cancelled; ending the iteration stops the watch and releases what it holds.
        package var changes: AsyncStream<[String]?>
    }

    /// After a first change, at most this many debounce periods are waited for the site to settle, so that a
    /// continuous writer still gets rebuilds.
    package static let debounceRounds = 50

    /// The site folder.
    package let root: URL
    /// Paths relative to the root that are watched: folders (recursively) or single files.
    package let paths: [String]
    /// How often to scan when polling.
    package let interval: Duration
    /// How long the site must stay unchanged before a change is reported (editors save in several steps).
    package let debounce: Duration
    /// The method asked for; inotify falls back to polling where it cannot be used.
    package let method: Method
    /// For tests: inotify acts as if the system allowed only this many watched folders.
    var watchLimit = Int.max

    /// Watches `paths` (default: `content`, `templates`, `ripple.yaml`) under `root`.
    package init(root: URL, paths: [String] = ["content", "templates", "ripple.yaml"],
                 interval: Duration = .milliseconds(300), debounce: Duration = .milliseconds(100),
                 method: Method = .inotify) {
        self.root = root
        self.paths = paths
        self.interval = interval
        self.debounce = debounce
        self.method = method
    }

    /// The method asked for by `RIPPLE_WATCH` (`polling` or `inotify`) in `environment`; inotify otherwise.
    package static func method(environment: [String: String]) -> Method {
        environment["RIPPLE_WATCH"].flatMap(Method.init(rawValue:)) ?? .inotify
    }

    /// A warning when `RIPPLE_WATCH` is set in `environment` to something other than `polling` or `inotify`
    /// (a misspelt value would otherwise be ignored without a word).
    package static func environmentWarning(_ environment: [String: String]) -> Diagnostic? {
        guard let value = environment["RIPPLE_WATCH"], Method(rawValue: value) == nil else { return nil }
        return .init(.warning, "RIPPLE_WATCH=\(value) is not a way of watching files, so the kernel's reports are used",
                     hint: "set RIPPLE_WATCH=polling to look for changes every 300 ms (for a network drive), or unset it")
    }

    /// The polling watch of the same paths, used as the fallback.
    package var polling: PollingWatch {
        PollingWatch(root: root, paths: paths, interval: interval, debounce: debounce)
    }

    /// Starts watching: when this returns, the watches are in place (or the first snapshot is taken), so a
    /// change made during the first build is reported even though the changes are read only after it.
    package func start() -> Watch {
        var note: Diagnostic?
        #if os(Linux)
        if method == .inotify {
            switch InotifyWatch.start(root: root.standardizedFileURL.path, paths: paths, debounce: debounce,
                                      fallback: polling, watchLimit: watchLimit) {
            case .success(let changes):
                return Watch(method: .inotify, note: nil, changes: changes)
            case .failure(.limitReached):
                note = fallbackNote(because: "the system's limit on watched folders is reached",
                                    hint: "to have saves noticed at once and save CPU, raise the limit, e.g. "
                                        + "`sudo sysctl fs.inotify.max_user_watches=524288`")
            case .failure(.unavailable(let error)):
                note = fallbackNote(because: "this system cannot report changes to files (inotify: "
                                        + String(cString: strerror(error)) + ")",
                                    hint: "nothing to do: saves still rebuild the site, a little later")
            }
        }
        #endif
        let polling = polling, initial = polling.snapshot()
        let changes = AsyncStream<[String]?> { continuation in
            let task = Task {
                await polling.run(since: initial, into: continuation)
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return Watch(method: .polling, note: note, changes: changes)
    }

    private func fallbackNote(because reason: String, hint: String) -> Diagnostic {
        let (seconds, attoseconds) = interval.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return .init(.note, "ripple serve looks for changed files every \(milliseconds) ms, because \(reason)", hint: hint)
    }
}
