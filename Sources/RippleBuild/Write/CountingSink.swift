import RippleCore
import Synchronization

/// Passes files on to another sink, counting them for the build summary.
final class CountingSink: OutputSink {
    private let base: OutputSink
    private let counts = Mutex<(files: Int, html: Int)>((0, 0))

    init(_ base: OutputSink) { self.base = base }

    var count: Int { counts.withLock { $0.files } }
    var htmlCount: Int { counts.withLock { $0.html } }

    func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        try base.write(path, bytes)
        counts.withLock { $0.files += 1; if path.hasSuffix(".html") { $0.html += 1 } }
    }

    func copy(from sourcePath: String, to path: String) throws(DiagnosticError) {
        try base.copy(from: sourcePath, to: path)
        counts.withLock { $0.files += 1 }
    }
}
