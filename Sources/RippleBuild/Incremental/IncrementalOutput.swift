import Foundation
import RippleCore
import Synchronization

/// Writes an incremental build in place: a file is written only when its bytes differ from the manifest, first
/// to a pending file, and renamed into place only when the whole build succeeded (`commit`); files the build
/// no longer produces are deleted then. A failed build changes nothing (`discard`).
final class IncrementalOutput: SiteOutput {
    let output: URL
    private let source: URL
    private let pending: URL
    private let previous: [String: UInt64]
    private struct Files {
        var produced: [String: UInt64] = [:]
        var written: [String: URL] = [:]
        var scans: [String: LinkScanner.Page] = [:]
        var counter = 0
    }
    private let files = Mutex(Files())

    /// Prepares writing into `output`, which must be empty or written by Ripple.
    init(output: URL, source: URL, previous: [String: UInt64]) throws(DiagnosticError) {
        self.output = output.standardizedFileURL
        self.source = source.standardizedFileURL
        self.previous = previous
        pending = self.output.appending(path: ".ripple-pending")
        let out = self.output.path
        try OutputFolder.check(self.output, source: self.source)
        do {
            try? FileManager.default.removeItem(at: pending)
            try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true)
            let marker = self.output.appending(path: StagedOutput.marker)
            if !FileManager.default.fileExists(atPath: marker.path) { try Data().write(to: marker) }
        } catch {
            throw DiagnosticError(.error("cannot create the output folder '\(out)': \(error.localizedDescription)",
                                         hint: "check that the folder is writable, or choose another with --output"))
        }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        guard !path.hasPrefix("/"), let clean = OutputPath.normalize(path), !clean.isEmpty else {
            throw DiagnosticError(.error("refusing to write '\(path)': it is outside the output folder",
                                         hint: "use a plain `slug` without '/' or '..'"))
        }
        let hash = ContentHash.of(bytes)
        let changed = previous[clean] != hash
        var scan: LinkScanner.Page?
        if changed, clean.hasSuffix(".html") { scan = LinkScanner.scanHTML(bytes) }
        if changed, clean.hasSuffix(".css") { scan = LinkScanner.Page(ids: [], links: LinkScanner.cssURLs(bytes)) }
        let temp: URL? = changed ? files.withLock { files in
            files.counter += 1
            return pending.appending(path: String(files.counter))
        } : nil
        if let temp {
            do { _ = try bytes.withUnsafeBytes { buffer throws(POSIXError) in try FileReplace.replace(temp.path, with: buffer) } } catch {
                throw DiagnosticError(.error("cannot write '\(path)': \(error.localizedDescription)",
                                             hint: "check that the output folder's disk is not full and is writable"))
            }
        }
        files.withLock { files in
            files.produced[clean] = hash
            if let temp { files.written[clean] = temp }
            if let scan { files.scans[clean] = scan }  // for the link check
        }
    }

    func copy(from sourcePath: String, to path: String) throws(DiagnosticError) {
        // Not following a symbolic link, as `StagedOutput.copy` (see `SourceLink`).
        guard let bytes = FolderWalk.read(source.appending(path: sourcePath).path) else {
            throw DiagnosticError(.error("cannot copy the file: it cannot be read", at: SourceLocation(file: sourcePath)))
        }
        try write(path, bytes)
    }

    /// Output path → hash of every file this build wrote or would have written.
    var produced: [String: UInt64] { files.withLock { $0.produced } }
    var folder: URL { output }
    /// How many files, and how many HTML pages, had new bytes.
    var changed: (files: Int, pages: Int) {
        files.withLock { ($0.written.count, $0.written.keys.count { $0.hasSuffix(".html") }) }
    }
    /// The changed HTML pages, sorted.
    var changedPages: [String] { files.withLock { $0.written.keys.filter { $0.hasSuffix(".html") } }.sorted() }
    /// The links and ids of changed HTML pages and stylesheets, for the link check.
    var scans: [String: LinkScanner.Page] { files.withLock { $0.scans } }

    func commit(_ outcome: ManifestUpdate) throws(DiagnosticError) {
        try commit(keep: outcome.manifest, removed: outcome.sameFiles ? [] : nil)
    }

    /// Moves every changed file into place and deletes the files not in `keep` (output path → hash): the
    /// `removed` ones when the caller knows them, else every earlier file not in `keep`.
    func commit(keep: [String: UInt64], removed: [String]? = nil) throws(DiagnosticError) {
        let written = files.withLock { $0.written }
        let fm = FileManager.default
        var folders: Set<String> = []
        for (path, temp) in written.sorted(by: { $0.key < $1.key }) {
            let target = output.appending(path: path)
            let folder = target.deletingLastPathComponent()
            do {
                if folders.insert(folder.path).inserted { try fm.createDirectory(at: folder, withIntermediateDirectories: true) }
                if rename(temp.path, target.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                throw DiagnosticError(.error("cannot write '\(path)': \(error.localizedDescription)",
                                             hint: "check that the output folder's disk is not full and is writable"))
            }
        }
        // Without a manifest the folder may hold anything an earlier full build wrote: compare with what is there.
        let old = removed ?? (previous.isEmpty ? SiteLinkCheck.files(in: output) : previous.keys.sorted())
        for path in old where keep[path] == nil {
            try? fm.removeItem(at: output.appending(path: path))
            var folder = output.appending(path: path).deletingLastPathComponent()
            while folder.path.count > output.path.count, (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                try? fm.removeItem(at: folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        discard()
    }

    /// Throws the pending files away.
    func discard() { try? FileManager.default.removeItem(at: pending) }
}
