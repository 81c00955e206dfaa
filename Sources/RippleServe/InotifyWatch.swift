#if os(Linux)
import Foundation
import Glibc
import RippleCore

/// `SiteWatcher` on Linux: the kernel tells which entries of which folders changed (inotify), so an idle watch
/// costs nothing and a save is heard at once, however many files the site has.
///
/// One watch per folder the loader reads (found with `FolderWalk`, so hidden folders, `name~` and linked
/// folders follow its rules) plus the parent of each watched path (the site folder, for `ripple.yaml` and for
/// `content/` or `templates/` appearing). Events are read on a thread of its own that sleeps in `poll` on the
/// inotify descriptor and a wake-up pipe; ending the stream writes to the pipe, and the thread closes both.
/// All mutable state below is used only by that thread (after `start` has set it up), hence `@unchecked`.
final class InotifyWatch: @unchecked Sendable {
    /// Why inotify cannot be used; the watcher then polls.
    enum Failure: Error, Equatable {
        /// `inotify_init1` (or the wake-up pipe) failed with this `errno`.
        case unavailable(Int32)
        /// The system's limit on watches (`fs.inotify.max_user_watches`) is reached.
        case limitReached
    }

    private static let folderEvents = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM
        | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    private let root: String
    private let paths: [String]
    private let debounce: Duration
    private let fallback: PollingWatch
    private let watchLimit: Int
    private let descriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Watch → folder relative to the root ("" for the root itself).
    private var folders: [Int32: String] = [:]
    private var pending: Set<String> = []
    /// Something changed that cannot be named file by file: the build must look at every file.
    private var unknown = false
    private var limitReached = false
    /// Guards `stopped` (the stream has ended), `closed` and the polling task of a mid-run fallback.
    private let lock = NSLock()
    private var stopped = false
    private var closed = false
    private var pollingTask: Task<Void, Never>?

    private init(root: String, paths: [String], debounce: Duration, fallback: PollingWatch, watchLimit: Int,
                 descriptor: Int32, wake: (read: Int32, write: Int32)) {
        self.root = root
        self.paths = paths
        self.debounce = debounce
        self.fallback = fallback
        self.watchLimit = watchLimit
        self.descriptor = descriptor
        (wakeRead, wakeWrite) = wake
    }

    /// Adds the watches, then returns the stream of settled batches (nil: look at every file). The watches exist
    /// when this returns, so a change made after it is reported even if the stream is read only later.
    /// `watchLimit` lets tests act as if the system allowed only that many watches.
    static func start(root: String, paths: [String], debounce: Duration, fallback: PollingWatch,
                      watchLimit: Int = .max) -> Result<AsyncStream<[String]?>, Failure> {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return .failure(.unavailable(errno)) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let error = errno
            close(descriptor)
            return .failure(.unavailable(error))
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        let watch = InotifyWatch(root: root, paths: paths, debounce: debounce, fallback: fallback,
                                 watchLimit: watchLimit, descriptor: descriptor, wake: (pipeEnds[0], pipeEnds[1]))
        watch.watchEverything()
        if watch.limitReached {
            watch.closeDescriptors()
            return .failure(.limitReached)
        }
        return .success(AsyncStream { continuation in
            continuation.onTermination = { _ in watch.stop() }
            let thread = Thread { watch.run(continuation) }
            thread.name = "ripple-watch"
            thread.start()
        })
    }

    /// Ends the watch: wakes the thread (which closes the descriptors) and cancels the polling fallback if it runs.
    private func stop() {
        let task = lock.withLock {
            stopped = true
            if !closed {
                var byte: UInt8 = 1
                _ = write(wakeWrite, &byte, 1)
            }
            return pollingTask
        }
        task?.cancel()
    }

    /// Closes the descriptors once; under the lock, so `stop` never writes to a number the process reused.
    private func closeDescriptors() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            close(descriptor)
            close(wakeRead)
            close(wakeWrite)
        }
    }

    // MARK: - The thread

    /// Reads events until the stream ends; after the first event of a batch, collects until `debounce` passes
    /// with no new event (at most `debounceRounds` debounces in all, so a continuous writer still gets rebuilds).
    private func run(_ continuation: AsyncStream<[String]?>.Continuation) {
        let clock = ContinuousClock()
        var first: ContinuousClock.Instant?, last = clock.now
        let cap = debounce * SiteWatcher.debounceRounds
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !lock.withLock({ stopped }) {
            var timeout: Int32 = -1
            if let start = first {
                let now = clock.now, deadline = min(last + debounce, start + cap)
                if now >= deadline {
                    if unknown || !pending.isEmpty { continuation.yield(unknown ? nil : pending.sorted()) }
                    pending = []
                    unknown = false
                    first = nil
                    continue
                }
                timeout = Int32(clamping: Self.milliseconds(deadline - now) + 1)
            }
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[1].revents != 0 { break }
            if fds[0].revents & Int16(POLLIN) == 0 {
                if fds[0].revents != 0 { break }  // POLLERR/POLLNVAL: nothing more will come
                continue
            }
            let heard = drain(&buffer)
            if limitReached {
                switchToPolling(continuation)
                closeDescriptors()
                return
            }
            if heard {
                last = clock.now
                if first == nil { first = last }
            }
        }
        closeDescriptors()
        continuation.finish()
    }

    /// Reads every queued event; true when one concerned the site.
    private func drain(_ buffer: inout [UInt8]) -> Bool {
        var heard = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return heard }  // EAGAIN: the queue is empty
            let events = buffer.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            for event in events where handle(event) { heard = true }
        }
    }

    /// Records what one event means for the build; true when it concerned the site.
    private func handle(_ event: InotifyEvent) -> Bool {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost, folders may have appeared unseen: watch them, and let the build look at everything.
            unknown = true
            watchEverything()
            return true
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[event.watch] = nil
            return false
        }
        guard let folder = folders[event.watch] else { return false }
        if event.name.isEmpty {
            // A watched folder itself was deleted or moved (its parent also said so, when it is watched).
            guard mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 else { return false }
            unknown = true
            return true
        }
        let path = folder.isEmpty ? event.name : folder + "/" + event.name
        guard isWatched(path) else { return false }
        guard mask & UInt32(IN_ISDIR) != 0 else {
            pending.insert(path)
            return true
        }
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            watchTree(path, report: true)
            return true
        }
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            // Which files went with it is not known here (nor kept): the build looks at every file.
            forget(path)
            unknown = true
            return true
        }
        return false
    }

    /// Whether `path` (relative to the root) is a watched path or inside one, with no hidden name or editor
    /// backup below it: exactly the files `FolderWalk` would list.
    private func isWatched(_ path: String) -> Bool {
        for watched in paths {
            if path == watched { return true }
            guard path.hasPrefix(watched + "/") else { continue }
            return !path.dropFirst(watched.count + 1).split(separator: "/")
                .contains { $0.hasPrefix(".") || $0.hasSuffix("~") }
        }
        return false
    }

    // MARK: - Watches

    /// Watches the parent folder of every watched path and every folder the loader would read under them.
    private func watchEverything() {
        let parents = Set(paths.map { path in path.split(separator: "/").dropLast().joined(separator: "/") })
        for parent in parents.sorted() { watchFolder(parent) }
        for path in paths { watchTree(path, report: false) }
    }

    /// Watches the folder `path` and the folders under it, walking it after adding its watch so that a file
    /// created before the watch existed is found too; with `report`, its files are added to the batch.
    private func watchTree(_ path: String, report: Bool) {
        guard watchFolder(path) else { return }
        let base = path.isEmpty ? root : root + "/" + path
        FolderWalk.visit(base, folder: { entry in watchFolder(path + "/" + entry.relative) },
                         file: { entry in if report { pending.insert(path + "/" + entry.relative) } })
    }

    /// Adds (or renews) the watch of one folder; false when it is not a folder or cannot be watched.
    @discardableResult
    private func watchFolder(_ path: String) -> Bool {
        let watch = inotify_add_watch(descriptor, path.isEmpty ? root : root + "/" + path, Self.folderEvents)
        guard watch >= 0 else {
            if errno == ENOSPC { limitReached = true }
            return false
        }
        if folders[watch] == nil && folders.count >= watchLimit {
            inotify_rm_watch(descriptor, watch)
            limitReached = true
            return false
        }
        folders[watch] = path  // a folder moved within the site keeps its watch: it is now known by its new path
        return true
    }

    /// Drops the watches of a folder that was deleted or moved away, and of the folders under it.
    private func forget(_ path: String) {
        let prefix = path + "/"
        for (watch, folder) in folders where folder == path || folder.hasPrefix(prefix) {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }

    /// After the watch limit was reached mid-run: reports "look at everything", then scans as `PollingWatch` does.
    private func switchToPolling(_ continuation: AsyncStream<[String]?>.Continuation) {
        // The scan's starting point comes first: a save made as soon as "look at everything" is heard must count
        // as a change (taken after the report, the snapshot could already hold it, and the save would go unseen).
        let fallback = fallback, initial = fallback.snapshot()
        continuation.yield(nil)
        let task = Task {
            await fallback.run(since: initial, into: continuation)
            continuation.finish()
        }
        let ended = lock.withLock {
            pollingTask = task
            return stopped
        }
        if ended { task.cancel() }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
#endif
