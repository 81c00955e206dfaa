import Foundation

/// What the first pass of the site link check takes from one HTML page's bytes alone, before the site's files
/// are all known: its ids, the links that may be broken, and the files its other links point to (by number in a
/// `LinkPathTable`). `PageLinkSummary` later looks those files up in the finished site.
///
/// Taking this while a page is written, with its bytes at hand, spares the check reading 10,000 pages back.
struct PageLinks: Sendable {
    /// The page's (ASCII) ids, sealed.
    var ids = PageIDs()
    /// Numbers of the links that need the exact check whatever the site holds, ascending.
    var suspects: [Int32] = []
    /// Links to a file of the site (with no fragment to check): the link's number and the file's number in the
    /// path table. The link is a suspect when the site has no such file.
    var targets: [(ordinal: Int32, path: Int32)] = []
    /// Links to `#fragment` of another file of the site.
    var fragments: [(ordinal: Int32, path: Int32, fragment: String)] = []
    /// The distinct links to other sites, sorted.
    var external: [String] = []

    /// Scans `bytes`, the page `file` (a `/`-separated path in the site), numbering the files it links to in
    /// `paths`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, file: String, paths: LinkPathTable) -> PageLinks {
        var visitor = Visitor(file: file)
        PageScan.scan(bytes, into: &visitor)
        var links = visitor.links
        links.ids.seal()
        for (ordinal, fragment) in visitor.ownFragments {
            let found = fragment.utf8.withContiguousStorageIfAvailable { links.ids.contains($0) } ?? false
            if !found { links.suspects.append(ordinal) }
        }
        links.suspects.sort()
        links.external = visitor.external.sorted()
        let numbers = paths.numbers(of: visitor.paths)
        links.targets = visitor.targets.map { ($0.ordinal, numbers[Int($0.path)]) }
        links.fragments = visitor.fragments.map { ($0.ordinal, numbers[Int($0.path)], $0.fragment) }
        return links
    }

    /// Classifies and resolves each link as `LinkChecker` does, for the plain URLs Ripple writes (printable
    /// ASCII without `%`); anything else that is internal becomes a suspect for the exact check.
    private struct Visitor: PageScanVisitor {
        /// The page's own path, `/`-separated.
        let file: [UInt8]
        /// The page's folder, or nil when the page's path is not plain ASCII (then every internal link is checked
        /// exactly).
        let folder: [UInt8]?
        var links = PageLinks()
        /// Links to files and fragments of other files, by position in `paths` (numbered all at once at the end:
        /// one lock of the shared table per page).
        var targets: [(ordinal: Int32, path: Int32)] = []
        var fragments: [(ordinal: Int32, path: Int32, fragment: String)] = []
        var paths: [String] = []
        var ownFragments: [(Int32, String)] = []
        var external = Set<String>()
        var scratch: [UInt8] = []

        init(file: String) {
            self.file = Array(file.utf8)
            let plain = self.file.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            folder = plain ? Array(self.file[..<(self.file.lastIndex(of: UInt8(ascii: "/")) ?? 0)]) : nil
        }

        var collectsText: Bool { false }
        func wantsText(_ ordinal: Int) -> Bool { false }
        mutating func id(_ value: String) { links.ids.insert(value) }
        mutating func text(_ text: String, ordinal: Int) {}

        mutating func link(_ url: String, ordinal: Int, lineOffset: Int, extraLines: Int) {
            var bytes = url
            let handled = bytes.withUTF8 { check($0, url: url, ordinal: Int32(ordinal)) }
            guard !handled else { return }
            switch LinkChecker.classify(url) {
            case .ignored: break
            case .external: external.insert(url)
            case .internal: links.suspects.append(Int32(ordinal))
            }
        }

        /// Checks a plain URL; false when it is not plain (the caller then classifies it exactly).
        private mutating func check(_ u: UnsafeBufferPointer<UInt8>, url: String, ordinal: Int32) -> Bool {
            for byte in u where byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "%") { return false }
            guard !u.isEmpty else { return true }
            if u.count >= 2, u[0] == UInt8(ascii: "/"), u[1] == UInt8(ascii: "/") { external.insert(url); return true }
            if let colon = u.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(u[0]),
               u[..<colon].allSatisfy({ isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 }) {
                let scheme = u[..<colon].map { $0 | 0x20 }
                if scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) { external.insert(url) }
                return true
            }
            guard let folder else { links.suspects.append(ordinal); return true }
            let hash = u.firstIndex(of: UInt8(ascii: "#")) ?? u.count
            let pathEnd = u[..<hash].firstIndex(of: UInt8(ascii: "?")) ?? hash
            let fragment = hash < u.count ? UnsafeBufferPointer(rebasing: u[(hash + 1)...]) : nil
            let checksFragment = fragment.map { !$0.isEmpty && !$0.elementsEqual("top".utf8) } ?? false
            var own = pathEnd == 0
            if pathEnd > 0 {
                guard u[0] != UInt8(ascii: "/"), resolve(folder, u[..<pathEnd]) else {
                    links.suspects.append(ordinal)
                    return true
                }
                own = scratch == file
                if !own || !checksFragment {
                    let path = number(of: scratch)
                    if checksFragment {
                        fragments.append((ordinal, path, String(decoding: fragment!, as: UTF8.self)))
                    } else {
                        targets.append((ordinal, path))
                    }
                    return true
                }
            }
            if own, checksFragment { ownFragments.append((ordinal, String(decoding: fragment!, as: UTF8.self))) }
            return true
        }

        /// The position of a resolved path in `paths`.
        private mutating func number(of path: [UInt8]) -> Int32 {
            paths.append(String(decoding: path, as: UTF8.self))
            return Int32(paths.count - 1)
        }

        /// Puts `OutputPath.normalize(folder + "/" + path)` for plain ASCII in `scratch`; false when it leaves the
        /// site or is empty.
        private mutating func resolve(_ folder: [UInt8], _ path: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: folder)
            var start = path.startIndex
            while start <= path.endIndex {
                let end = path[start...].firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
                let part = path[start..<end]
                if part.isEmpty || part.elementsEqual(".".utf8) {
                } else if part.elementsEqual("..".utf8) {
                    guard !scratch.isEmpty else { return false }
                    scratch.removeSubrange((scratch.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                } else {
                    if !scratch.isEmpty { scratch.append(UInt8(ascii: "/")) }
                    scratch.append(contentsOf: part)
                }
                start = end + 1
            }
            return !scratch.isEmpty
        }

        private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    }
}
