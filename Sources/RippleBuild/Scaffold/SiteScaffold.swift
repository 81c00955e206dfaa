import Foundation
import RippleCore
import RippleData
import RippleTheme
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a new site (`ripple new`): a commented `ripple.yaml`, a short starter guide, one page,
/// the default theme's templates to customise, and optionally a small sample program.
package struct SiteScaffold: Sendable {
    /// Whether to include a sample program under `content/data/`.
    package var includeData: Bool
    /// The site's title.
    package var title: String

    /// Creates a scaffold.
    package init(title: String = "Mentoring", includeData: Bool = true) {
        self.title = title
        self.includeData = includeData
    }

    /// Every file, by path relative to the new site folder.
    package func files() -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [
            ("ripple.yaml", Array(StarterText.config(title: title).utf8)),
            (".gitignore", Array("/public/\n/.public.ripple-next/\n/.public.ripple-lock\n/.public.ripple-stamps-*\n/.ripple-cache/\n".utf8)),
            ("content/index.md", Array(StarterText.home.utf8)),
            ("content/pages/join.md", Array(StarterText.join.utf8)),
            ("content/guide/01-welcome.md", Array(StarterText.welcome.utf8)),
            ("content/guide/02-first-conversation.md", Array(StarterText.firstConversation.utf8)),
            ("content/guide/03-skills.md", Array(StarterText.skills.utf8)),
        ]
        for file in EmbeddedTheme.files { files.append(("templates/" + file.path, file.bytes)) }
        if includeData {
            let generator = SampleProgramGenerator(participants: 60, seed: 7, asOf: Day(iso: "2026-11-20")!)
            for file in generator.generate() { files.append(("content/data/" + file.path, file.bytes)) }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Writes the files into `folder` (`shownAs` is how the user named it), creating it; returns how many. A folder
    /// that is not empty is refused unless `force` (then files of the same names are replaced); a file in the
    /// way, or any failure of the file system, is a diagnostic saying what to do.
    package func write(into folder: URL, shownAs: String, force: Bool) throws(DiagnosticError) -> Int {
        try Self.write(files(), into: folder, shownAs: shownAs, force: force)
    }

    /// Writes `files` (paths relative to `folder`) as `write(into:shownAs:force:)` does (also for `ripple import`).
    package static func write(_ files: [(path: String, bytes: [UInt8])], into folder: URL, shownAs: String,
                              force: Bool) throws(DiagnosticError) -> Int {
        let root = folder.standardizedFileURL.path
        var info = stat()
        if stat(root, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw DiagnosticError(.error("'\(shownAs)' is a file, not a folder",
                                             hint: "choose a name that is not taken for the new site's folder"))
            }
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            if !existing.isEmpty, !force {
                throw DiagnosticError(.error("'\(shownAs)' is not empty",
                                             hint: "choose a new folder, or pass --force to write into it anyway"))
            }
        }
        for file in files {
            let shown = shownAs.hasSuffix("/") ? shownAs + file.path : shownAs + "/" + file.path
            do {
                try makeFolder(root + "/" + OutputPath.directory(of: file.path))
                _ = try file.bytes.withUnsafeBytes { buffer throws(POSIXError) in try FileReplace.replace(root + "/" + file.path, with: buffer) }
            } catch {
                let code = (error as? POSIXError)?.code.rawValue ?? EIO
                throw DiagnosticError(.error("cannot write '\(shown)': \(String(cString: strerror(code)))",
                                             hint: "check that the folder is writable and the disk is not full, or choose another folder"))
            }
        }
        return files.count
    }

    /// Creates the folder at `path` and those above it, where missing; an existing file in the way is ENOTDIR.
    private static func makeFolder(_ path: String) throws(POSIXError) {
        if mkdir(path, 0o777) == 0 { return }
        var code = errno
        if code == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeFolder(String(path[..<slash]))
            if mkdir(path, 0o777) == 0 { return }
            code = errno
        }
        var info = stat()
        if code == EEXIST, stat(path, &info) == 0 { code = info.st_mode & S_IFMT == S_IFDIR ? 0 : ENOTDIR }
        if code != 0 { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
    }
}
