import CRippleSystem
import Foundation

/// Runs another program (WeasyPrint) the way Ripple needs: in a private temporary folder that is removed on
/// every way out, in a process group of its own (so it is killed with any children it starts), with a
/// wall-time limit and a memory limit (RLIMIT_AS, set in the child before it starts: `CRippleSystem/ripple_spawn.c`).
///
/// A command that runs one installs a signal handler (the CLI's `Interruption`) that calls `stopAll()`: every
/// running program is killed and every temporary folder removed before Ripple exits.
package struct ExternalProcess: Sendable {
    /// The limits a run gets.
    package struct Limits: Sendable, Hashable {
        /// Wall time, in seconds.
        package var seconds: Int
        /// Address space, in megabytes (RLIMIT_AS: a little more than the memory the program really uses).
        package var memoryMB: Int

        /// Creates limits.
        package init(seconds: Int, memoryMB: Int) { self.seconds = seconds; self.memoryMB = memoryMB }
    }

    /// How a run ended.
    package enum Outcome: Sendable, Equatable {
        /// The program exited with this status.
        case exited(Int32)
        /// The program was killed by this signal (not by Ripple).
        case signalled(Int32)
        /// It ran past the time limit and was killed.
        case timedOut
        /// Ripple is stopping (SIGINT/SIGTERM) and killed it.
        case stopped
    }

    /// What a run left: its outcome and the end of its standard error (at most 64 KB).
    package struct Run: Sendable {
        /// How it ended.
        package var outcome: Outcome
        /// The last 64 KB of standard error, as text.
        package var errors: String
        /// Whether the program ran out of memory, as far as can be told: it said so (Python's `MemoryError`, a failed
        /// allocation in C code), or it crashed the way programs do when an allocation fails unchecked (SIGSEGV,
        /// SIGBUS, SIGABRT) or was killed by the kernel's out-of-memory killer (SIGKILL).
        package var ranOutOfMemory: Bool {
            if case .signalled(let signal) = outcome, [SIGSEGV, SIGBUS, SIGABRT, SIGKILL].contains(signal) { return true }
            return ["MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory", "error return without exception set"]
                .contains { errors.contains($0) }
        }
    }

    /// The program.
    package var executable: URL
    /// Its arguments (paths relative to the temporary folder, its working folder).
    package var arguments: [String]
    /// Its environment.
    package var environment: [String: String]
    /// Its limits.
    package var limits: Limits
    /// Where the run is recorded for `stopAll()`: the process's own registry, or a test's.
    package var registry: Registry = ExternalProcess.running

    /// Creates a run description.
    package init(executable: URL, arguments: [String], environment: [String: String], limits: Limits) {
        self.executable = executable; self.arguments = arguments; self.environment = environment; self.limits = limits
    }

    /// Creates the temporary folder `<tmp>/<prefix>-<pid>-<uuid>` (private to the user), lets `prepare` write the
    /// program's input into it, runs the program there and lets `collect` read its output; the folder is removed
    /// before this returns or throws, and by `stopAll()` when Ripple is stopped meanwhile.
    package func run<T>(folderPrefix: String, prepare: (URL) throws -> Void, collect: (URL, Run) throws -> T) throws -> T {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appending(path: "\(folderPrefix)-\(getpid())-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let token = registry.add(folder: folder)
        defer {
            try? fm.removeItem(at: folder)
            registry.remove(token)
        }
        try prepare(folder)
        return try collect(folder, try launch(in: folder, token: token))
    }

    private func launch(in folder: URL, token: Int) throws -> Run {
        var pipe: [Int32] = [0, 0]
        guard ripple_pipe_cloexec(&pipe) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let argv = [executable.path] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let failure = Self.withCStrings(argv) { argv in
            Self.withCStrings(envp) { envp in
                ripple_spawn_limited(executable.path, argv, envp, folder.path, pipe[1],
                                     UInt64(max(0, limits.memoryMB)) * 1_048_576, &pid)
            }
        }
        close(pipe[1])
        guard failure == 0 else {
            close(pipe[0])
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
        if !registry.started(token, group: pid) {
            kill(-pid, SIGKILL)  // Ripple began stopping before the program started: stop it at once
        }
        // Standard error is read on its own thread so a chatty program never blocks on a full pipe.
        let errors = Collected()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) { [readEnd = pipe[0]] in
            errors.drain(readEnd)
            close(readEnd)
        }
        let exited = DispatchSemaphore(value: 0)
        let status = Collected()
        Thread.detachNewThread { [pid] in
            status.status = ripple_wait_group(pid)
            exited.signal()
        }
        let timedOut = exited.wait(timeout: .now() + .seconds(max(1, limits.seconds))) == .timedOut
        if timedOut {
            kill(-pid, SIGKILL)
            exited.wait()
        }
        reader.wait()
        if registry.isStopping, registry.parksStoppedRuns {
            while true { pause() }  // the signal handler ends the process
        }
        // A raw wait status: the low 7 bits are the signal that killed it (0: it exited), the next 8 its exit status.
        let raw = status.status
        let outcome: Outcome = registry.isStopping ? .stopped : timedOut ? .timedOut
            : raw & 0x7f == 0 ? .exited((raw >> 8) & 0xff) : .signalled(raw & 0x7f)
        return Run(outcome: outcome, errors: String(decoding: errors.bytes, as: UTF8.self))
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The end of a pipe's bytes and a wait status, handed between threads (read after they finish).
    private final class Collected: @unchecked Sendable {
        var bytes: [UInt8] = []
        var status: Int32 = 0
        static let keep = 65_536

        func drain(_ fd: Int32) {
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                bytes += buffer[..<count]
                if bytes.count > Self.keep * 2 { bytes.removeFirst(bytes.count - Self.keep) }
            }
        }
    }

    // MARK: Stopping everything

    /// The runs in progress of this process.
    package static let running = Registry()

    /// Kills every running program (with its process group) and removes every temporary folder; later runs are
    /// killed as they start. For the CLI's SIGINT/SIGTERM handler, before it exits. Returns how many were running.
    /// The runs stopped this way never return: their threads wait for the handler to end the process, so no
    /// error about the stopped program is printed and no exit code chosen before the signal's.
    @discardableResult
    package static func stopAll() -> Int { running.stopAll(parkingRuns: true) }

    /// The process groups and folders of the runs in progress.
    package final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var runs: [Int: (folder: URL, group: pid_t?)] = [:]
        private var stopping = false

        /// Creates an empty registry.
        package init() {}

        private var parking = false

        var isStopping: Bool { lock.withLock { stopping } }
        var parksStoppedRuns: Bool { lock.withLock { parking } }

        /// The process groups of the runs in progress that have started.
        package var groups: [pid_t] { lock.withLock { runs.values.compactMap(\.group) } }

        func add(folder: URL) -> Int {
            lock.withLock {
                next += 1
                runs[next] = (folder, nil)
                return next
            }
        }

        /// Records the process group; false when Ripple is stopping (the caller kills it).
        func started(_ token: Int, group: pid_t) -> Bool {
            lock.withLock {
                runs[token]?.group = group
                return !stopping
            }
        }

        func remove(_ token: Int) { lock.withLock { _ = runs.removeValue(forKey: token) } }

        /// Kills every run's process group and removes its folder; later runs are killed as they start.
        @discardableResult
        package func stopAll(parkingRuns: Bool = false) -> Int {
            let current = lock.withLock {
                stopping = true
                parking = parkingRuns
                return Array(runs.values)
            }
            // Folders first: once a program dies, its run could otherwise end the process before they go.
            for run in current { try? FileManager.default.removeItem(at: run.folder) }
            for run in current { if let group = run.group { kill(-group, SIGKILL) } }
            return current.count
        }
    }
}
