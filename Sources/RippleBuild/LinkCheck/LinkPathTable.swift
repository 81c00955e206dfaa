import Synchronization

/// Numbers the site paths that pages link to, shared by every page scanned for one link check (pages are
/// scanned on several threads, as they are written), so a page's scan keeps small numbers instead of strings.
final class LinkPathTable: Sendable {
    private let table = Mutex<(numbers: [String: Int32], paths: [String])>(([:], []))

    /// Creates an empty table.
    init() {}

    /// The numbers of `paths`, adding the ones not seen yet.
    func numbers(of paths: [String]) -> [Int32] {
        guard !paths.isEmpty else { return [] }
        return table.withLock { table in
            paths.map { path in
                if let known = table.numbers[path] { return known }
                let next = Int32(table.paths.count)
                table.numbers[path] = next
                table.paths.append(path)
                return next
            }
        }
    }

    /// Every path numbered so far, by number.
    var paths: [String] { table.withLock { $0.paths } }
}
