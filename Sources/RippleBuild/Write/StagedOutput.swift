import Foundation
import RippleCore
import CRippleSystem
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a site into a staging folder beside the output folder, and swaps it in only when the whole
/// build succeeded: a failed build never leaves a half-written site, and never loses the previous one.
///
/// The swap exchanges the two folders, so after a build the staging folder holds the previous site. The next
/// build writes over it and deletes only the files it no longer produces (the marker file lists every file of
/// the folder), instead of deleting and recreating 10,000 folders every time.
package final class StagedOutput: SiteOutput {
    /// Marker file that says a folder was written by Ripple and may be replaced; it lists the folder's files.
    package static let marker = ".ripple-output"
    /// Present while a staging folder is being written: a staging folder left with it is not reused.
    private static let dirtyMarker = ".ripple-writing"

    /// The final output folder.
    package let output: URL
    /// The staging folder being written.
    package let staging: URL
    /// `staging.path`, for building file paths without `URL`.
    private let stagingPath: String
    /// The site folder static files are copied from.
    private let source: URL
    /// Folders already created in the staging folder: a 10,000-page site would otherwise ask the file
    /// system about every parent folder of every page.
    private let createdFolders = Mutex<Set<String>>([])
    /// Files written by this build, as normalised output paths.
    private let written = Mutex<Set<String>>([])
    /// Files the reused staging folder held before this build (empty for a fresh one).
    private let previous: Set<String>
    /// Stamps of the files the reused staging folder holds (see `FileStamps`).
    private let previousStamps: [String: FileReplace.Stamp]
    /// Stamps of the files this build wrote.
    private let stamps = Mutex<[String: FileReplace.Stamp]>([:])
    /// How many files, and how many HTML pages, were written (copies of static files count as files only).
    private let counts = Mutex<(files: Int, pages: Int)>((0, 0))
    /// Keeps other `ripple build`s from writing the same output at the same time.
    private let lock: Int32

    /// Prepares a staging folder for `output`, refusing outputs that would destroy something.
    package init(output: URL, source: URL) throws(DiagnosticError) {
        self.output = output.standardizedFileURL
        self.source = source.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        staging = parent.appending(path: ".\(name).ripple-next")
        stagingPath = staging.path
        try OutputFolder.check(self.output, source: self.source)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create the output folder '\(self.output.path)': \(error.localizedDescription)",
                                         hint: "check that the folder is writable, or choose another with --output"))
        }
        lock = open(parent.appending(path: ".\(name).ripple-lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if lock >= 0, flock(lock, LOCK_EX | LOCK_NB) != 0 {
            close(lock)
            throw DiagnosticError(.error("another ripple build is writing '\(self.output.path)' right now",
                                         hint: "wait for it to finish, or build into another folder with --output"))
        }
        let markerPath = staging.appending(path: Self.marker).path
        if fm.fileExists(atPath: markerPath), !fm.fileExists(atPath: staging.appending(path: Self.dirtyMarker).path),
           let list = fm.contents(atPath: markerPath) {
            previous = Set(String(decoding: list, as: UTF8.self).split(separator: "\n").map(String.init))
        } else {
            previous = []
            try? fm.removeItem(at: staging)
        }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appending(path: Self.dirtyMarker))
        } catch {
            throw DiagnosticError(.error("cannot create the output folder '\(self.output.path)': \(error.localizedDescription)",
                                         hint: "check that the folder is writable, or choose another with --output"))
        }
        let stampsFile = previous.isEmpty ? nil : FileStamps.path(of: stagingPath, parent: parent.path, name: name)
        previousStamps = stampsFile.map(FileStamps.read) ?? [:]
    }

    deinit {
        if lock >= 0 { close(lock) }
    }

    /// The normalised output path of `path`; an error when it would leave the output folder.
    private func checked(_ path: String) throws(DiagnosticError) -> String {
        guard !path.hasPrefix("/"), let clean = OutputPath.normalize(path), !clean.isEmpty else {
            throw DiagnosticError(.error("refusing to write '\(path)': it is outside the output folder",
                                         hint: "use a plain `slug` without '/' or '..'"))
        }
        return clean
    }

    package func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        try write(path, bytes, isPage: path.hasSuffix(".html"))
    }

    /// Writes the string's own UTF-8 bytes, not a copy.
    package func write(_ path: String, text: String) throws(DiagnosticError) {
        var text = text
        try text.withUTF8 { utf8 in
            Result { () throws(DiagnosticError) in try write(path, UnsafeRawBufferPointer(utf8), isPage: path.hasSuffix(".html")) }
        }.get()
    }

    private func write(_ path: String, _ bytes: [UInt8], isPage: Bool) throws(DiagnosticError) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(DiagnosticError) in try write(path, buffer, isPage: isPage) } }.get()
    }

    private func write(_ path: String, _ buffer: UnsafeRawBufferPointer, isPage: Bool) throws(DiagnosticError) {
        let clean = try checked(path)
        written.withLock { _ = $0.insert(clean) }
        do {
            try ensureFolder(OutputPath.directory(of: clean))
            let hash = ContentHash.of(buffer)
            let stamp = try FileReplace.replace(stagingPath + "/" + clean, with: buffer, hash: hash, expected: previousStamps[clean])
            stamps.withLock { $0[clean] = stamp }
            counts.withLock { $0.files += 1; if isPage { $0.pages += 1 } }
        } catch {
            throw DiagnosticError(.error("cannot write '\(path)': \(error.localizedDescription)",
                                         hint: "check that the output folder's disk is not full and is writable"))
        }
    }

    /// Makes sure the staging folder has the folder `relative` (a normalised output path, "" for the root).
    private func ensureFolder(_ relative: String) throws {
        guard !relative.isEmpty, !createdFolders.withLock({ $0.contains(relative) }) else { return }
        let path = stagingPath + "/" + relative
        // One mkdir(2) when the parent exists (every page after the first in a folder); the slower
        // FileManager walk only when it does not.
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        createdFolders.withLock { _ = $0.insert(relative) }
    }

    /// Copies the file's bytes (a symbolic link is not followed, so the output never holds one; see `SourceLink`).
    package func copy(from sourcePath: String, to path: String) throws(DiagnosticError) {
        guard let bytes = FolderWalk.read(source.path + "/" + sourcePath) else {
            throw DiagnosticError(FolderWalk.isLink(source.path + "/" + sourcePath)
                ? SourceLink.refusal(sourcePath, root: source.path)
                : .error("cannot copy the file: it cannot be read", at: SourceLocation(file: sourcePath),
                         hint: "check that the file is readable"))
        }
        try write(path, bytes, isPage: false)
    }

    var folder: URL { staging }
    var produced: [String: UInt64] { stamps.withLock { $0.mapValues(\.hash) } }
    var scans: [String: LinkScanner.Page] { [:] }
    var changed: (files: Int, pages: Int) { counts.withLock { $0 } }
    /// Empty: a staged build writes every file, so it lists no changed pages.
    var changedPages: [String] { [] }

    /// Swaps the staged site in: everything this build wrote (it keeps nothing of an earlier build).
    func commit(_ outcome: ManifestUpdate) throws(DiagnosticError) {
        assert(outcome.kept.isEmpty, "a staged build writes every file")
        try commit()
    }

    /// The files of the staging folder after `removeStaleFiles()`: every file this build wrote, sorted, without
    /// hidden ones (a name starting with "." anywhere in the path), as `SiteLinkCheck.files(in:)` lists them.
    package var listing: [String] {
        written.withLock { $0 }.filter { !$0.hasPrefix(".") && !$0.contains("/.") }.sorted()
    }

    /// Deletes the files of the reused staging folder that this build did not write (and folders left
    /// empty), so the staging folder holds exactly this build's site. Call it before reading the folder back.
    package func removeStaleFiles() {
        let stale = previous.subtracting(written.withLock { $0 })
        remove(stale)
    }

    private func remove(_ paths: Set<String>) {
        var folders = Set<String>()
        for path in paths.sorted() {
            unlink(staging.appending(path: path).path)
            var folder = OutputPath.directory(of: path)
            while !folder.isEmpty { folders.insert(folder); folder = OutputPath.directory(of: folder) }
        }
        // Deepest first; rmdir fails harmlessly on folders that still hold files.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(staging.appending(path: folder).path) }
    }

    /// Replaces the output folder with the staging folder in one step where the system allows it.
    package func commit() throws(DiagnosticError) {
        removeStaleFiles()
        let fm = FileManager.default
        let manifest = written.withLock { $0 }.sorted().joined(separator: "\n")
        do {
            try Data(manifest.utf8).write(to: staging.appending(path: Self.marker))
            try fm.removeItem(at: staging.appending(path: Self.dirtyMarker))
        } catch {
            throw DiagnosticError(.error("cannot write '\(Self.marker)': \(error.localizedDescription)"))
        }
        let parent = output.deletingLastPathComponent().path, name = output.lastPathComponent
        if let file = FileStamps.path(of: stagingPath, parent: parent, name: name) { FileStamps.write(stamps.withLock { $0 }, to: file) }
        defer {
            let current = [stagingPath, output.path].compactMap { FileStamps.path(of: $0, parent: parent, name: name) }
            FileStamps.removeOthers(in: parent, name: name, keeping: Set(current))
        }
        guard fm.fileExists(atPath: output.path) else {
            do { try fm.moveItem(at: staging, to: output) } catch {
                throw DiagnosticError(.error("cannot move the new site into '\(output.path)': \(error.localizedDescription)"))
            }
            return
        }
        // RENAME_EXCHANGE swaps both folders atomically: readers see the old site or the new one, never a mix,
        // and the old site stays behind as the next build's staging folder.
        if ripple_exchange_paths(staging.path, output.path) == 0 { return }
        let old = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).old-\(getpid())")
        do {
            try fm.moveItem(at: output, to: old)
            do { try fm.moveItem(at: staging, to: output) } catch {
                try? fm.moveItem(at: old, to: output)
                throw error
            }
            try? fm.removeItem(at: old)
        } catch {
            throw DiagnosticError(.error("cannot replace '\(output.path)': \(error.localizedDescription)"))
        }
    }

    /// Abandons this build, leaving the previous output untouched: the files only this build created are
    /// deleted, so the staging folder again matches its file list and stays reusable.
    package func discard() {
        remove(written.withLock { $0 }.subtracting(previous))
        try? FileManager.default.removeItem(at: staging.appending(path: Self.dirtyMarker))
    }
}
