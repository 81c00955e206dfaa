/// Where rendered files go. Renderers stream every file to a sink as soon as it is ready, so a
/// large site is never held in memory whole.
package protocol OutputSink: Sendable {
    /// Writes a file at a path relative to the output folder.
    func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError)
    /// Writes text as UTF-8. A sink that can use the string's own bytes writes them as they are; by default they
    /// are copied into an array first (a copy that matters for a 100 MB page, `guide/print.html`).
    func write(_ path: String, text: String) throws(DiagnosticError)
    /// Copies a file from the site folder (`content/guide/img/a.png`) to a path in the output folder.
    func copy(from sourcePath: String, to path: String) throws(DiagnosticError)
}

extension OutputSink {
    /// Writes text as UTF-8, through `write(_:_:)`.
    package func write(_ path: String, text: String) throws(DiagnosticError) {
        try write(path, Array(text.utf8))
    }
}

/// A sink that throws everything away: rendering only to find problems (`ripple check`).
package struct DiscardingSink: OutputSink {
    /// Creates the sink.
    package init() {}
    package func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {}
    package func copy(from sourcePath: String, to path: String) throws(DiagnosticError) {}
}
