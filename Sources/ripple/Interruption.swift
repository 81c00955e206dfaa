import Dispatch
import Foundation
import RippleBuild

/// What a command that runs other programs (WeasyPrint) does on SIGINT or SIGTERM: stop them with their process
/// groups and remove their temporary folders (`ExternalProcess.stopAll`), then end as the signal would have.
enum Interruption {
    /// Kept for the life of the process (a cancelled or released source stops delivering).
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handler; call once at the start of `build`, `guide` and `report` (not `serve`, which stops
    /// itself on Ctrl-C).
    static func stopChildrenOnSignal() {
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                ExternalProcess.stopAll()
                // End with the signal itself, so the caller sees "terminated by SIGTERM" as before.
                // (The dispatch source keeps the signal blocked: unblock it on this thread and raise it here.)
                Foundation.signal(signal, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, signal)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(signal)
            }
            source.resume()
            sources.append(source)
        }
    }
}
