import Foundation
import RippleCore

/// Checks the links of a site written to a folder (the staged output, before it is swapped in) and turns the
/// broken ones into located diagnostics: one per place a link was written, however many pages repeat it.
package struct SiteLinkCheck: Sendable {
    /// What the check found.
    package struct Result: Sendable {
        /// One error per broken link (grouped by where it was written), sorted by location.
        package var diagnostics: [Diagnostic]
        /// Links to other sites, listed but never fetched.
        package var external: [LinkChecker.ExternalLink]
    }

    /// The folder holding the generated site.
    package var folder: URL
    /// Finds the source lines of broken links.
    package var locator: LinkLocator

    /// Creates a check of `folder`.
    package init(folder: URL, locator: LinkLocator) {
        self.folder = folder
        self.locator = locator
    }

    /// Reads every file of the folder, checks every link, and reports.
    package func run() -> Result {
        let paths = Self.files(in: folder)
        let root = folder
        let html = paths.filter { $0.hasSuffix(".html") }
        let css = paths.filter { $0.hasSuffix(".css") }
        let scanned = html.parallelMap { path in
            (path, LinkScanner.scanHTML((try? Array(Data(contentsOf: root.appending(path: path)))) ?? []))
        }
        let sheets = css.parallelMap { path in
            (path, LinkScanner.cssURLs((try? Array(Data(contentsOf: root.appending(path: path)))) ?? []))
        }
        let checker = LinkChecker(files: Set(paths), pages: Dictionary(scanned, uniquingKeysWith: { a, _ in a }),
                                  stylesheets: Dictionary(sheets, uniquingKeysWith: { a, _ in a }))
        let (broken, external) = checker.check()
        return Result(diagnostics: Self.diagnostics(broken, locator: locator), external: external)
    }

    /// Groups broken links by where they were written and target, one error each.
    package static func diagnostics(_ broken: [LinkChecker.BrokenLink], locator: LinkLocator) -> [Diagnostic] {
        struct Key: Hashable { var location: SourceLocation?; var target: String; var url: String }
        var groups: [Key: [LinkChecker.BrokenLink]] = [:]
        var order: [Key] = []
        for link in broken {
            let location = locator.locate(link)
            // A link written once in a template breaks on every page: one error for the place it was written.
            let key = Key(location: location, target: location?.line == nil ? link.target : "",
                          url: location?.line == nil ? link.url : "")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(link)
        }
        return order.map { key in
            let links = groups[key]!
            let first = links[0]
            var message = first.problem + " (line \(first.line) of the generated page)"
            if links.count > 1 {
                let others = Set(links.map(\.file)).count - 1
                if others > 0 { message += "; also on \(others) other page\(others == 1 ? "" : "s")" }
            }
            return .error(message, at: key.location, hint: first.hint)
        }.sortedByLocation
    }

    /// Every file under `folder`, as sorted `/`-separated relative paths (hidden files left out).
    package static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
