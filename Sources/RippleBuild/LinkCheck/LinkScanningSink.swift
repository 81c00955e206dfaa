import RippleCore
import Synchronization

/// Passes files on to another sink, taking the link check's first pass (`PageLinks`) of every HTML page while
/// its bytes are at hand, so the check does not read the pages back from disk.
final class LinkScanningSink: OutputSink {
    private let base: OutputSink
    private let scansPages: Bool
    private let scans = Mutex<[String: PageLinks]>([:])
    /// Numbers the files the scanned pages link to.
    let paths = LinkPathTable()

    /// Creates a sink writing through `base`; it scans nothing when `scansPages` is false (no link check).
    init(_ base: OutputSink, scansPages: Bool = true) {
        self.base = base
        self.scansPages = scansPages
    }

    func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        try base.write(path, bytes)
        bytes.withUnsafeBufferPointer { scan(path, $0) }
    }

    func write(_ path: String, text: String) throws(DiagnosticError) {
        try base.write(path, text: text)
        var text = text
        text.withUTF8 { scan(path, $0) }
    }

    private func scan(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard scansPages, path.hasSuffix(".html"), let clean = OutputPath.normalize(path) else { return }
        let links = PageLinks.scan(bytes, file: clean, paths: paths)
        scans.withLock { $0[clean] = links }
    }

    func copy(from sourcePath: String, to path: String) throws(DiagnosticError) {
        try base.copy(from: sourcePath, to: path)
        // A copied file replaces whatever was written there before; the check reads it from disk.
        if let clean = OutputPath.normalize(path) { _ = scans.withLock { $0.removeValue(forKey: clean) } }
    }

    /// Hands over the scans so far, by output path, with the table their link targets are numbered in, and
    /// forgets them (they are a large share of the build's memory while the search index is merged).
    func takeScanned() -> SiteLinkCheck.Scanned {
        SiteLinkCheck.Scanned(pages: scans.withLock { scans in defer { scans = [:] }; return scans }, paths: paths)
    }
}
