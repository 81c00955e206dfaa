import Foundation

/// What the first, fast pass of the site link check keeps of one HTML page once the site's files are known: its
/// ids, the links that may be broken (by number, see `PageScanVisitor.link`), the `#fragment` links into other
/// pages (checked once every page's ids are known) and the links to other sites. Links that certainly work
/// leave nothing behind.
struct PageLinkSummary: Sendable {
    /// The page's (ASCII) ids.
    var ids: PageIDs
    /// Numbers of the links that need the exact check, ascending.
    var suspects: [Int32]
    /// Links to `#fragment` on another HTML page of the site (by index in the site's page list).
    var fragments: [(ordinal: Int32, target: Int32, fragment: String)] = []
    /// The distinct links to other sites.
    var external: [String]

    /// Looks up the files `links` points to. `lookup` holds, for each number of the path table, the file's page
    /// index, -1 when it is a file but not an HTML page, or nil when the site has no such file.
    init(_ links: PageLinks, lookup: [Int32?]) {
        ids = links.ids
        external = links.external
        var suspects = links.suspects
        var added = false
        for (ordinal, path) in links.targets where lookup[Int(path)] == nil {
            suspects.append(ordinal)
            added = true
        }
        for (ordinal, path, fragment) in links.fragments {
            switch lookup[Int(path)] {
            case nil:
                suspects.append(ordinal)
                added = true
            case let target? where target >= 0: fragments.append((ordinal, target, fragment))
            default: break  // a fragment of a file that is not a page is not checked
            }
        }
        if added { suspects.sort() }
        self.suspects = suspects
    }
}
