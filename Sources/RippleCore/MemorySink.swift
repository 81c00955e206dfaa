import Synchronization

/// A sink that keeps every file in memory: for tests, and for building one file (a standalone report).
package final class MemorySink: OutputSink {
    private let storage = Mutex<[String: [UInt8]]>([:])
    /// Bytes of copied files, looked up by source path.
    private let sources: [String: [UInt8]]

    /// Creates a sink; `sources` provides the bytes of files that renderers copy.
    package init(sources: [String: [UInt8]] = [:]) { self.sources = sources }

    package func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        storage.withLock { $0[path] = bytes }
    }

    package func copy(from sourcePath: String, to path: String) throws(DiagnosticError) {
        guard let bytes = sources[sourcePath] else {
            throw DiagnosticError(.error("file not found", at: SourceLocation(file: sourcePath)))
        }
        storage.withLock { $0[path] = bytes }
    }

    /// Every file written, by path.
    package var files: [String: [UInt8]] { storage.withLock { $0 } }

    /// A written file as text.
    package func text(_ path: String) -> String? {
        storage.withLock { $0[path].map { String(decoding: $0, as: UTF8.self) } }
    }
}
