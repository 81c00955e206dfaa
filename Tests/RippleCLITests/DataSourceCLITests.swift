import Foundation
import RippleTestSupport
import Testing

/// `ripple sample-data --format`, `ripple build` and `ripple check` on every data source through the real
/// executable: the same program gives the same site from CSV, a workbook and a SQLite file, a snapshot
/// rebuilds it, and a database that fails exits 1 with a located error and leaves public/ as it was.
/// PostgreSQL is the throwaway server of scripts/postgres.sh (RIPPLE_PG_PORT as the script reads it).
@Suite struct DataSourceCLITests {
    static let port = ProcessInfo.processInfo.environment["RIPPLE_PG_PORT"] ?? "54329"
    static var sqliteShell: Bool { RequiredTool.isCI || run("sqlite3", ["-version"]) == 0 }
    static var postgresRunning: Bool { RequiredTool.isCI || run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", port]) == 0 }
    let cli = CLITests()

    private static func run(_ program: String, _ arguments: [String]) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A one-page site in `folder/name` whose ripple.yaml ends with `data`.
    private func site(_ name: String, in folder: URL, data: String = "") throws -> URL {
        let site = folder.appending(path: name)
        try FileManager.default.createDirectory(at: site.appending(path: "content"), withIntermediateDirectories: true)
        try "title: Sources\nguide:\n  pdf: never\n\(data)".write(to: site.appending(path: "ripple.yaml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Home\n---\n# Home\n\n{{< metric \"match_rate\" >}}\n"
            .write(to: site.appending(path: "content/index.md"), atomically: true, encoding: .utf8)
        return site
    }

    private func files(under folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files[String(url.path.dropFirst(folder.path.count + 1))] = try? Data(contentsOf: url)
        }
        return files
    }

    private func build(_ site: URL, _ extra: [String] = []) throws -> CLITests.Run {
        try cli.ripple(["build", "--source", site.path, "--output", site.appending(path: "public").path] + extra,
                       in: site)
    }

    @Test(.enabled(if: sqliteShell)) func everySampleFormatBuildsTheSameSiteAndASnapshotRebuildsIt() throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try site("csv", in: folder)
        let xlsx = try site("xlsx", in: folder)
        let sqlite = try site("sqlite", in: folder, data: "data:\n  source: sqlite:program.db\n")
        for (site, format, out) in [(csv, "csv", "content/data"), (xlsx, "xlsx", "content/data"), (sqlite, "sqlite", ".")] {
            let written = try cli.ripple(["sample-data", "--out", out, "--participants", "60", "--format", format], in: site)
            #expect(written.status == 0, "\(written.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: xlsx.appending(path: "content/data/program.xlsx").path))
        #expect(FileManager.default.fileExists(atPath: sqlite.appending(path: "program.db").path))
        #expect(try build(csv).status == 0)
        let expected = files(under: csv.appending(path: "public"))
        #expect(expected["index.html"] != nil)
        #expect(try build(xlsx).status == 0)
        #expect(files(under: xlsx.appending(path: "public")) == expected, "the site from program.xlsx differs")
        let snapshot = folder.appending(path: "snapshot")
        let built = try build(sqlite, ["--data-snapshot", snapshot.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(files(under: sqlite.appending(path: "public")) == expected, "the site from program.db differs")

        // The snapshot holds what was read, as CSV: the sample's own files, and the same site again.
        let csvFiles = files(under: csv.appending(path: "content/data"))
        #expect(files(under: snapshot) == csvFiles)
        let again = try site("again", in: folder)
        try FileManager.default.copyItem(at: snapshot, to: again.appending(path: "content/data"))
        #expect(try build(again).status == 0)
        #expect(files(under: again.appending(path: "public")) == expected)
    }

    @Test(.enabled(if: sqliteShell)) func checkReadsTheDatabaseAndLocatesABadCell() throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try site("site", in: folder, data: "data:\n  source: sqlite:program.db\n")
        #expect(try cli.ripple(["sample-data", "--out", ".", "--participants", "60", "--format", "sqlite"], in: site).status == 0)
        #expect(try build(site).status == 0)
        let before = files(under: site.appending(path: "public"))
        // Result row 17 counting the header, as a CSV export of the query would have it; the date is column C.
        #expect(Self.run("sqlite3", [site.appending(path: "program.db").path,
                                     "update sessions set date = '2024-02-30' where rowid = 16"]) == 0)
        let check = try cli.ripple(["check", "--source", site.path], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("program.db[sessions]:C17: error: field 'date': '2024-02-30' is not a valid date"), "\(check.stderr)")
        let failed = try build(site)
        #expect(failed.status == 1)
        #expect(failed.stderr.hasSuffix("public was left as it was.\n"))
        #expect(files(under: site.appending(path: "public")) == before)
    }

    @Test(.enabled(if: postgresRunning)) func postgresFailuresExitOneAndLeavePublicAsItWas() throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try site("site", in: folder)
        #expect(try cli.ripple(["sample-data", "--out", "content/data", "--participants", "60"], in: site).status == 0)
        #expect(try build(site).status == 0)
        let before = files(under: site.appending(path: "public"))

        func use(password: String, query: String) throws -> String {
            let passfile = folder.appending(path: "pgpass-\(password)")
            try "127.0.0.1:\(Self.port):ripple_test:ripple_reader:\(password)\n".write(to: passfile, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile.path)
            let url = "postgres://ripple_reader@127.0.0.1:\(Self.port)/ripple_test?passfile=\(passfile.path)"
            try "title: Sources\nguide:\n  pdf: never\ndata:\n  source: \(url)\n  tls: disable\n  queries:\n    participants: \"\(query)\"\n"
                .write(to: site.appending(path: "ripple.yaml"), atomically: true, encoding: .utf8)
            return url
        }
        let hint = "  hint: check the host, port and database in data.source, the user and password in PGUSER and PGPASSWORD (or ~/.pgpass), and data.tls\n"
        let failedLine = "Build failed: 1 error, 0 warnings; \(site.appending(path: "public").path) was left as it was.\n"

        let wrong = try use(password: "wrong", query: "select * from participants")
        let refused = try build(site)
        #expect(refused.status == 1)
        #expect(refused.stderr == "ripple.yaml: error: could not connect to \(wrong): connection to server at \"127.0.0.1\", port \(Self.port) failed: FATAL: password authentication failed for user \"ripple_reader\" password retrieved from file \"\(folder.path)/pgpass-wrong\"\n" + hint + failedLine)
        #expect(files(under: site.appending(path: "public")) == before)

        let good = try use(password: "ripple-test", query: "select * from no_such_table")
        let failed = try build(site)
        #expect(failed.status == 1)
        #expect(failed.stderr == """
            ripple.yaml: error: reading the table 'participants' from \(good) failed: ERROR: relation "no_such_table" does not exist LINE 1: select * from no_such_table ^
              hint: check data.queries.participants in ripple.yaml; the query was: select * from no_such_table

            """ + failedLine)
        #expect(files(under: site.appending(path: "public")) == before)
        let check = try cli.ripple(["check", "--source", site.path], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("ripple.yaml: error: reading the table 'participants' from \(good) failed"))
    }
}
