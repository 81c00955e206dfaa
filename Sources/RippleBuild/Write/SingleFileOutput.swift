import Foundation
import RippleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file `ripple report` or `ripple guide` writes (`--output`): never one of the site's own files, never a
/// folder, and replaced in one step. The bytes go to a temporary file beside the target, which is renamed over it
/// only when every byte is on disk: on a full disk the previous file is left whole and the temporary one removed.
package struct SingleFileOutput: Sendable {
    /// Writes bytes to an open file, as `write(2)`: the count written, or -1 with `errno` set. Tests pass one that
    /// fails, to stand for a full disk.
    package typealias Writer = @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int

    /// The path as the user gave it, for messages.
    package var path: String
    /// The site folder whose files must not be overwritten.
    package var source: URL

    /// Describes writing `path` (relative to the current folder, or absolute) for the site in `source`.
    package init(path: String, source: URL) {
        self.path = path
        self.source = source
    }

    private var url: URL { URL(fileURLWithPath: path).standardizedFileURL }

    /// Throws when the target is a folder or one of the site's files (`ripple.yaml`, anything under `content/` or
    /// `templates/`). Called before the work, so a mistaken `--output` costs nothing; `write` checks again.
    package func check() throws(DiagnosticError) {
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw DiagnosticError(.error("the output '\(path)' is a folder, not a file",
                                         hint: "give --output the path of a file to write, not of a folder"))
        }
        // Links resolved, so that neither `./content/../content/index.md` nor a link into content/ gets through.
        let target = OutputFolder.resolved(url.path), site = OutputFolder.resolved(source.standardizedFileURL.path)
        let own = [site + "/content", site + "/templates"].contains { target.hasPrefix($0 + "/") }
            || target == site + "/" + ConfigParser.fileName
        if own {
            throw DiagnosticError(.error("the output '\(path)' is one of the site's own files, and writing there would replace it",
                                         hint: "choose a file outside content/ and templates/ with --output"))
        }
    }

    /// Writes `bytes` to a temporary file beside the target and renames it into place; on any failure the
    /// target is as it was and the temporary file is gone.
    package func write(_ bytes: [UInt8], writer: Writer = { Glibc.write($0, $1.baseAddress, $1.count) }) throws(DiagnosticError) {
        try check()
        let target = url.path
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).ripple-\(getpid())").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else {
            throw DiagnosticError(.error("cannot write '\(path)': \(String(cString: strerror(errno)))",
                                         hint: "check that the folder exists and is writable, or choose another --output"))
        }
        var failure: Int32 = 0
        // The file keeps the permissions of the one it replaces (a report kept private stays private).
        var old = stat()
        if stat(target, &old) == 0, fchmod(descriptor, old.st_mode & 0o7777) != 0 { failure = errno }
        if failure == 0 { failure = Self.writeAll(bytes, to: descriptor, with: writer) }
        // fsync before the rename: after a crash the target holds the old bytes or the new, never an empty file.
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, target) != 0 { failure = errno }
        guard failure != 0 else { return }
        unlink(temporary)
        throw DiagnosticError(.error("cannot write '\(path)': \(String(cString: strerror(failure)))",
                                     hint: "free some disk space, or choose another --output; a file already at '\(path)' was left as it was"))
    }

    /// Writes every byte; 0, or the error number of the write that failed.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, with writer: Writer) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = writer(descriptor, UnsafeRawBufferPointer(rebasing: buffer[done...]))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return count < 0 ? errno : EIO }
                done += count
            }
            return 0
        }
    }
}
