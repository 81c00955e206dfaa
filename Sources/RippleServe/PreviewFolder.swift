import Foundation
import RippleCore

/// The private folder one `ripple serve` builds into and serves from: `<temporary folder>/ripple-serve-XXXXXX`,
/// made by `mkdtemp`, so its name cannot be guessed, it is new (a folder someone else made beforehand is never
/// used), and only this user can enter it (mode 0700). The site is written to `site/` inside it, with the build's
/// staging folder beside; the whole folder is removed when the preview stops.
package struct PreviewFolder: Sendable {
    /// The folder made for this preview.
    package let folder: URL

    /// The served folder inside it.
    package var site: URL { folder.appendingPathComponent("site", isDirectory: true) }

    /// Makes a new private folder under `temporary` (the system's, from `TMPDIR`, by default).
    package static func create(temporary: URL = FileManager.default.temporaryDirectory) throws(DiagnosticError) -> PreviewFolder {
        var template = Array((temporary.standardizedFileURL.path + "/ripple-serve-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticError(.error("cannot create the preview's private folder in '\(temporary.path)': \(reason)",
                                         hint: "check that the temporary folder exists and is writable, or set TMPDIR to one that is"))
        }
        let path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        return PreviewFolder(folder: URL(fileURLWithPath: path, isDirectory: true))
    }

    /// Deletes the folder and everything in it. Safe to call more than once.
    package func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
