import Foundation

/// What the first, fast pass of the site link check keeps of one HTML page: its ids, the links that may be
/// broken (by number, see `PageScanVisitor.link`), the `#fragment` links into other pages (checked once every
/// page's ids are known) and the links to other sites. Links that certainly work leave nothing behind.
struct PageLinkSummary: Sendable {
    /// The page's (ASCII) ids.
    var ids = PageIDs()
    /// Numbers of the links that need the exact check, ascending.
    var suspects: [Int32] = []
    /// Links to `#fragment` on another HTML page of the site (by index in the site's page list).
    var fragments: [(ordinal: Int32, target: Int32, fragment: String)] = []
    /// The distinct links to other sites.
    var external: [String] = []

    /// Scans `bytes`, the page `file` (number `index` of the site's pages). `lookup` holds every file of the
    /// site: its page index, or -1 when it is not an HTML page.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, file: String, index: Int32,
                     lookup: [String: Int32]) -> PageLinkSummary {
        var visitor = Visitor(file: file, index: index, lookup: lookup)
        PageScan.scan(bytes, into: &visitor)
        var summary = visitor.summary
        summary.ids.seal()
        for (ordinal, fragment) in visitor.ownFragments {
            let found = fragment.utf8.withContiguousStorageIfAvailable { summary.ids.contains($0) } ?? false
            if !found { summary.suspects.append(ordinal) }
        }
        summary.suspects.sort()
        summary.external = visitor.external.sorted()
        return summary
    }

    /// Classifies and resolves each link as `LinkChecker` does, for the plain URLs Ripple writes (printable
    /// ASCII without `%`); anything else that is internal becomes a suspect for the exact check.
    private struct Visitor: PageScanVisitor {
        let index: Int32
        let lookup: [String: Int32]
        /// The page's folder, `/`-separated, or nil when it is not plain ASCII (then every internal link is checked
        /// exactly).
        let folder: [UInt8]?
        var summary = PageLinkSummary()
        var ownFragments: [(Int32, String)] = []
        var external = Set<String>()
        var scratch: [UInt8] = []

        init(file: String, index: Int32, lookup: [String: Int32]) {
            self.index = index
            self.lookup = lookup
            let utf8 = Array(file.utf8)
            let plain = utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            folder = plain ? Array(utf8[..<(utf8.lastIndex(of: UInt8(ascii: "/")) ?? 0)]) : nil
        }

        var collectsText: Bool { false }
        func wantsText(_ ordinal: Int) -> Bool { false }
        mutating func id(_ value: String) { summary.ids.insert(value) }
        mutating func text(_ text: String, ordinal: Int) {}

        mutating func link(_ url: String, ordinal: Int, lineOffset: Int, extraLines: Int) {
            var bytes = url
            let handled = bytes.withUTF8 { check($0, url: url, ordinal: Int32(ordinal)) }
            guard !handled else { return }
            switch LinkChecker.classify(url) {
            case .ignored: break
            case .external: external.insert(url)
            case .internal: summary.suspects.append(Int32(ordinal))
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
            guard let folder else { summary.suspects.append(ordinal); return true }
            let hash = u.firstIndex(of: UInt8(ascii: "#")) ?? u.count
            let pathEnd = u[..<hash].firstIndex(of: UInt8(ascii: "?")) ?? hash
            var target = index
            if pathEnd > 0 {
                guard u[0] != UInt8(ascii: "/"), let resolved = resolve(folder, u[..<pathEnd]),
                      let found = lookup[resolved] else {
                    summary.suspects.append(ordinal)
                    return true
                }
                target = found
            }
            guard hash < u.count, target >= 0 else { return true }
            let fragment = UnsafeBufferPointer(rebasing: u[(hash + 1)...])
            if fragment.isEmpty || fragment.elementsEqual("top".utf8) { return true }
            let text = String(decoding: fragment, as: UTF8.self)
            if target == index { ownFragments.append((ordinal, text)) } else { summary.fragments.append((ordinal, target, text)) }
            return true
        }

        /// `OutputPath.normalize(folder + "/" + path)` for plain ASCII, nil when it leaves the site or is empty.
        private mutating func resolve(_ folder: [UInt8], _ path: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: folder)
            var start = path.startIndex
            while start <= path.endIndex {
                let end = path[start...].firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
                let part = path[start..<end]
                if part.isEmpty || part.elementsEqual(".".utf8) {
                } else if part.elementsEqual("..".utf8) {
                    guard !scratch.isEmpty else { return nil }
                    scratch.removeSubrange((scratch.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                } else {
                    if !scratch.isEmpty { scratch.append(UInt8(ascii: "/")) }
                    scratch.append(contentsOf: part)
                }
                start = end + 1
            }
            return scratch.isEmpty ? nil : String(decoding: scratch, as: UTF8.self)
        }

        private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    }
}
