import Foundation
import Testing

/// Runs the real `ripple` executable: exit codes, messages, and the commands working together.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appending(path: ".build/debug"),
        ]
        for folder in candidates {
            var url = folder
            for _ in 0..<4 {
                if FileManager.default.isExecutableFile(atPath: url.appending(path: "ripple").path) { return url.appending(path: "ripple") }
                url = url.deletingLastPathComponent()
            }
        }
        return candidates[1].appending(path: "ripple")
    }()

    func ripple(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "ripple-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func newSiteBuildsAndChecksCleanly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try ripple(["new", "site", "--title", "Our Mentoring"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let check = try ripple(["check", "--source", "site"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains(": 0 errors, 0 warnings"))
        let build = try ripple(["build", "--source", "site", "--output", "out"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Built "))
        let privacyLine = /\nPrivacy: [\d,]+ figures hidden \(fewer than 5 people\) and [\d,]+ more so they cannot be worked out; the audit found nothing that can be worked out\.\n$/
        #expect(build.stdout.contains(privacyLine), "\(build.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "out/guide/welcome/index.html").path))
        let again = try ripple(["new", "site"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr == "error: 'site' is not empty\n  hint: choose a new folder, or pass --force to write into it anyway\n")
    }

    @Test func aBrokenSiteExitsNonZeroWithLocatedErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "title: T\nguide:\n  pdf: never\n".write(to: folder.appending(path: "ripple.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appending(path: "content"), withIntermediateDirectories: true)
        try "# Home\n\n[gone](gone.md)\n".write(to: folder.appending(path: "content/index.md"), atomically: true, encoding: .utf8)
        let build = try ripple(["build"], in: folder)
        #expect(build.status == 1)
        #expect(build.stderr.hasPrefix("content/index.md:3:1: error: link to a page that does not exist: 'gone.md'\n"))
        #expect(build.stderr.hasSuffix("Build failed: 1 error, 0 warnings; public was left as it was.\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "public").path))
        let json = try ripple(["check", "--format", "json"], in: folder)
        #expect(json.status == 1)
        #expect(json.stdout.contains(#"{"severity": "error", "file": "content/index.md", "line": 3, "column": 1, "message": "link to a page that does not exist: 'gone.md'""#))
    }

    @Test func buildOptionsBaseURLDraftsQuietAndVerbose() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "title: T\nguide:\n  pdf: never\n".write(to: folder.appending(path: "ripple.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appending(path: "content/pages"), withIntermediateDirectories: true)
        try "# Home\n".write(to: folder.appending(path: "content/index.md"), atomically: true, encoding: .utf8)
        try "---\ndraft: true\n---\n# Soon\n".write(to: folder.appending(path: "content/pages/soon.md"), atomically: true, encoding: .utf8)

        let quiet = try ripple(["build", "--quiet"], in: folder)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty, "\(quiet.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "public/soon/index.html").path))

        let verbose = try ripple(["build", "--verbose", "--drafts", "--base-url", "https://intranet.example.com/m"], in: folder)
        #expect(verbose.status == 0, "\(verbose.stderr)")
        #expect(verbose.stdout.contains("Stages: load "))
        let soon = try String(contentsOf: folder.appending(path: "public/soon/index.html"), encoding: .utf8)
        #expect(soon.contains("<link rel=\"canonical\" href=\"https://intranet.example.com/m/soon/\">"))
    }

    /// `ripple guide` says what the book does with an image on another site (it links to it), at its line.
    @Test func guideCommandReportsTheNotesAboutTheBook() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ripple(["new", "site"], in: folder).status == 0)
        try "---\ntitle: Remote\n---\n\n![A chart](https://example.com/chart.png)\n"
            .write(to: folder.appending(path: "site/content/guide/99-remote.md"), atomically: true, encoding: .utf8)
        let epub = try ripple(["guide", "--source", "site", "--output", "guide.epub"], in: folder)
        #expect(epub.status == 0, "\(epub.stderr)")
        #expect(epub.stderr.contains("content/guide/99-remote.md:5:1: note: this image is on another site, so the EPUB links to it"))
        let html = try ripple(["guide", "--source", "site", "--format", "html", "--output", "guide.html"], in: folder)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(!html.stderr.contains("note: this image"), "the note is about the EPUB")
    }

    @Test func standaloneReportAndAnUnwritableOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ripple(["new", "site"], in: folder).status == 0)
        let report = try ripple(["report", "--source", "site", "--quarter", "2026-Q3", "--output", "q3.html"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "q3.html").path))
        let failed = try ripple(["report", "--source", "site", "--quarter", "2026-Q3", "--output", "missing/q3.html"], in: folder)
        #expect(failed.status == 1)
        // The scaffold has no narrative for 2026-Q3: a note, then the error.
        #expect(failed.stderr.hasPrefix("content/reports/2026-Q3.md: note: the 2026-Q3 report has no narrative"))
        #expect(failed.stderr.contains("error: cannot write 'missing/q3.html': "))
        #expect(failed.stderr.contains("hint: check that the folder exists and is writable, or choose another --output\n"))
        #expect(failed.stderr.hasSuffix("No report written: 1 error, 0 warnings.\n"))
    }

    @Test func sampleDataIsDeterministic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ripple(["sample-data", "--out", "a", "--participants", "40", "--seed", "3"], in: folder).status == 0)
        #expect(try ripple(["sample-data", "--out", "b", "--participants", "40", "--seed", "3"], in: folder).status == 0)
        let a = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "a").path).sorted()
        #expect(a.contains("sessions.csv"))
        for name in a {
            #expect(FileManager.default.contentsEqual(atPath: folder.appending(path: "a/\(name)").path,
                                                      andPath: folder.appending(path: "b/\(name)").path))
        }
    }
}
