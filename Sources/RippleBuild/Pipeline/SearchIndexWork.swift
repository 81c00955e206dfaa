import RippleCore
import RippleRender
import Synchronization

/// Writes the search index on a background thread from when the renderer hands over its documents
/// (`SiteRenderer.searchDocumentsReady`), so that merging a large guide's index runs beside other stages.
final class SearchIndexWork: Sendable {
    private let work = Mutex<BackgroundWork<[Diagnostic]>?>(nil)
    private let write: @Sendable ([PackedDocument]) -> [Diagnostic]

    /// Work that will call `write` with the documents (and return its problems).
    init(_ write: @escaping @Sendable ([PackedDocument]) -> [Diagnostic]) {
        self.write = write
    }

    /// Starts writing the index of `documents`.
    func start(_ documents: [PackedDocument]) {
        let write = self.write
        let started = BackgroundWork { write(documents) }
        work.withLock { $0 = started }
    }

    /// Whether the index is being written (or was).
    var started: Bool { work.withLock { $0 != nil } }

    /// Waits for the index to be written: its problems and how long it took (none and zero when never started).
    func wait() -> ([Diagnostic], Duration) {
        work.withLock { $0 }?.wait() ?? ([], .zero)
    }
}
