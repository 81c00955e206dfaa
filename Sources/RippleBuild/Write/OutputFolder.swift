import Foundation
import RippleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rule for what `ripple build` may replace: a missing path, an empty folder, or a folder Ripple wrote before
/// (it holds `StagedOutput.marker`). Anything else — a file (`notes.txt`, `ripple.yaml`), a folder of someone
/// else's files, the site folder, a folder holding it, or a folder inside `content/` or `templates/` — is an error
/// found before anything is touched. `StagedOutput` and `IncrementalOutput` both ask it.
enum OutputFolder {
    /// Throws when `output` may not be replaced by a build of the site in `source`.
    static func check(_ output: URL, source: URL) throws(DiagnosticError) {
        let out = output.standardizedFileURL.path
        let shown = Self.shown(out)
        // Compared with links resolved, so that `--output ../site-link` is seen to be the site.
        let real = resolved(out), site = resolved(source.standardizedFileURL.path)
        if real == site || site.hasPrefix(real + "/") || [site + "/content", site + "/templates"].contains(where: { real == $0 || real.hasPrefix($0 + "/") }) {
            throw DiagnosticError(.error("the output folder '\(shown)' would overwrite the site's own files",
                                         hint: "choose an output folder outside content/ and templates/, such as 'public'"))
        }
        var info = stat()
        guard stat(out, &info) == 0 else { return }  // missing: created by the build
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw DiagnosticError(.error("the output '\(shown)' is a file, not a folder, and a build would replace it",
                                         hint: "choose a folder for the site with --output, such as 'public'"))
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if !existing.isEmpty, !existing.contains(StagedOutput.marker) {
            throw DiagnosticError(.error("the output folder '\(shown)' is not empty and was not written by Ripple",
                                         hint: "Ripple replaces its output folder on every build; choose another --output or empty this one"))
        }
    }

    /// `path` as the user most likely typed it: relative to the current folder when inside it, else absolute.
    static func shown(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        if path == current { return "." }
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    /// `path` with every link resolved in its longest existing part (the rest may not exist yet).
    static func resolved(_ path: String) -> String {
        var existing = path, rest: [Substring] = []
        while existing.count > 1 {
            if let pointer = realpath(existing, nil) {
                defer { free(pointer) }
                let base = String(cString: pointer)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/") else { break }
            rest.append(existing[existing.index(after: slash)...])
            existing = String(existing[..<slash])
            if existing.isEmpty { existing = "/" }
        }
        return path
    }
}
