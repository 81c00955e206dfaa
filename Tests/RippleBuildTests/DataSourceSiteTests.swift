import Foundation
import Testing
@testable import RippleBuild
import RippleCore
import RippleData
import RippleTestSupport

/// The same program read from CSV, from an openpyxl workbook, from a SQLite file (written by the
/// sqlite3 shell) and from a real PostgreSQL server (scripts/postgres.sh) builds byte-identical sites;
/// database failures are located errors that leave the previous output untouched.
@Suite(.serialized) struct DataSourceSiteTests {
    /// Without the headcount: the checked-in workbook was exported before the sample had one.
    static let tables = ProgramSchema.tables.filter { $0 != "headcount" }
    static let sample = SampleProgramGenerator(participants: 60, seed: 1).generate().filter { $0.path != "headcount.csv" }
    static let workbook = TestSite.repository.appending(path: "Tests/RippleSourcesTests/Fixtures/program.xlsx")
    /// The throwaway server of scripts/postgres.sh (RIPPLE_PG_PORT and RIPPLE_PG_DIR as the script reads them).
    static let port = ProcessInfo.processInfo.environment["RIPPLE_PG_PORT"] ?? "54329"
    static let server = "127.0.0.1:\(port)/ripple_test"
    /// The certificate of the authority that signed the server's (for data.tls: verify-full).
    static let rootCertificate = (ProcessInfo.processInfo.environment["RIPPLE_PG_DIR"] ?? "/tmp/ripple-postgres-\(port)") + "/root.crt"
    static let admin = "postgresql://ripple_admin:ripple-admin-only@\(server)"

    /// A small site (one page, one chapter, no PDF) with `data` as its ripple.yaml `data:` section.
    private func site(data: String = "") throws -> TestSite {
        let site = try TestSite(files: [
            "ripple.yaml": "title: Sources\nguide:\n  pdf: never\n" + data,
            "content/index.md": "---\ntitle: Home\n---\n# Home\n\n{{< metric \"match_rate\" >}}\n",
        ])
        return site
    }

    private func build(_ site: TestSite) throws -> [String: Data] {
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        return TestSite.files(under: site.output)
    }

    private func writeCSV(_ site: TestSite, to folder: String) throws {
        for file in Self.sample { try site.write("\(folder)/\(file.path)", bytes: file.bytes) }
    }

    private static var postgresRunning: Bool {
        GuideTestSupport.run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", port])?.status == 0
    }

    /// Loads the sample into a fresh schema as text columns, readable by ripple_reader; returns the schema.
    private func loadPostgres(from folder: URL) throws -> String {
        let schema = "s_" + UUID().uuidString.prefix(8).lowercased()
        var script = "create schema \(schema);\ngrant usage on schema \(schema) to ripple_reader;\n"
        for file in Self.sample {
            let table = String(file.path.dropLast(4))
            let header = String(decoding: file.bytes.prefix { $0 != 10 }, as: UTF8.self).split(separator: ",")
            script += "create table \(schema).\(table) (\(header.map { "\($0) text" }.joined(separator: ", ")));\n"
            script += "\\copy \(schema).\(table) from '\(folder.path)/\(file.path)' with (format csv, header true)\n"
        }
        script += "grant select on all tables in schema \(schema) to ripple_reader;\n"
        let file = folder.appending(path: "load.sql")
        try Data(script.utf8).write(to: file)
        let result = try #require(GuideTestSupport.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", Self.admin, "-f", file.path]))
        #expect(result.status == 0, "\(result.output)")
        return schema
    }

    /// The `data:` section reading every table from `schema` as ripple_reader, whose password is in a passfile
    /// (libpq's; never in ripple.yaml); and the URL diagnostics name.
    private func postgresData(_ schema: String, password: String = "ripple-test", tls: String = "disable",
                              parameters: String = "", folder: URL) throws -> (yaml: String, url: String) {
        let passfile = folder.appending(path: "pgpass-\(password)")
        try Data("127.0.0.1:\(Self.port):ripple_test:ripple_reader:\(password)\n".utf8).write(to: passfile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile.path)
        let url = "postgres://ripple_reader@\(Self.server)?passfile=\(passfile.path)\(parameters)"
        var yaml = "title: Sources\nguide:\n  pdf: never\ndata:\n  source: \(url)\n  tls: \(tls)\n  queries:\n"
        for table in Self.tables { yaml += "    \(table): \"select * from \(schema).\(table)\"\n" }
        return (yaml, url)
    }

    @Test func everySourceBuildsTheSameSite() throws {
        let csv = try site()
        try writeCSV(csv, to: "content/data")
        let expected = try build(csv)
        #expect(expected["index.html"] != nil)

        let xlsx = try site()
        try xlsx.write("content/data/program.xlsx", bytes: Array(try Data(contentsOf: Self.workbook)))
        #expect(try build(xlsx) == expected, "the site built from program.xlsx differs")

        if RequiredTool.present("sqlite3") {
            let sqlite = try site(data: "data:\n  source: sqlite:program.db\n")
            try writeCSV(sqlite, to: "csv")
            var commands = ""
            for table in Self.tables { commands += ".import --csv \(sqlite.root.path)/csv/\(table).csv \(table)\n" }
            let script = sqlite.root.appending(path: "import.sql")
            try Data(commands.utf8).write(to: script)
            let imported = try #require(GuideTestSupport.run("sqlite3", [sqlite.root.appending(path: "program.db").path,
                                                                       ".read \(script.path)"]))
            #expect(imported.status == 0, "\(imported.output)")
            #expect(try build(sqlite) == expected, "the site built from SQLite differs")
        }

        if RequiredTool.isCI || Self.postgresRunning {
            let postgres = try site()
            try writeCSV(postgres, to: "csv")
            let schema = try loadPostgres(from: postgres.root.appending(path: "csv"))
            let good = try postgresData(schema, folder: postgres.root)
            try postgres.write("ripple.yaml", good.yaml)
            #expect(try build(postgres) == expected, "the site built from PostgreSQL differs")

            // A wrong password fails the build with a located error and leaves public/ as it was.
            let wrong = try postgresData(schema, password: "wrong", folder: postgres.root)
            try postgres.write("ripple.yaml", wrong.yaml)
            let error = #expect(throws: DiagnosticError.self) { _ = try build(postgres) }
            #expect(error?.description == """
                ripple.yaml: error: could not connect to \(wrong.url): connection to server at "127.0.0.1", port \(Self.port) failed: FATAL: password authentication failed for user "ripple_reader" password retrieved from file "\(postgres.root.path)/pgpass-wrong"
                  hint: check the host, port and database in data.source, the user and password in PGUSER and PGPASSWORD (or ~/.pgpass), and data.tls
                """)
            #expect(TestSite.files(under: postgres.output) == expected)

            // A failing query names its table and query.
            try postgres.write("ripple.yaml", good.yaml.replacingOccurrences(of: "\(schema).goals", with: "\(schema).no_such_table"))
            let failed = #expect(throws: DiagnosticError.self) { _ = try build(postgres) }
            #expect(failed?.description == """
                ripple.yaml: error: reading the table 'goals' from \(good.url) failed: ERROR: relation "\(schema).no_such_table" does not exist LINE 1: select * from \(schema).no_such_table ^
                  hint: check data.queries.goals in ripple.yaml; the query was: select * from \(schema).no_such_table
                """)

            // A query that writes is refused by the read-only transaction.
            try postgres.write("ripple.yaml", good.yaml.replacingOccurrences(of: "\"select * from \(schema).goals\"",
                                                                             with: "\"delete from \(schema).goals returning *\""))
            let writes = #expect(throws: DiagnosticError.self) { _ = try build(postgres) }
            #expect(writes?.description.contains("failed: ERROR: cannot execute DELETE in a read-only transaction") == true)
            #expect(TestSite.files(under: postgres.output) == expected)
        }
    }

    /// data.tls against the test server, which takes TLS and plain connections. Every table is read by a
    /// query that returns rows only over TLS (the server's own pg_stat_ssl), so the same site means the
    /// connection was encrypted; verify-full checks the certificate against `sslrootcert` in the URL.
    /// Outside CI it needs a server started by this version of scripts/postgres.sh (one with a certificate).
    @Test(.enabled(if: RequiredTool.isCI || postgresRunning && FileManager.default.fileExists(atPath: rootCertificate)))
    func tlsModes() throws {
        let site = try site()
        try writeCSV(site, to: "csv")
        let schema = try loadPostgres(from: site.root.appending(path: "csv"))
        try site.write("ripple.yaml", try postgresData(schema, folder: site.root).yaml)
        let expected = try build(site)

        func encryptedOnly(_ data: (yaml: String, url: String)) -> String {
            data.yaml.replacingOccurrences(of: "\"\n", with: " where exists (select 1 from pg_stat_ssl where pid = pg_backend_pid() and ssl)\"\n")
        }
        let root = "&sslrootcert=\(Self.rootCertificate)"
        for (tls, parameters) in [("require", ""), ("prefer", ""), ("verify-full", root)] {
            try site.write("ripple.yaml", encryptedOnly(try postgresData(schema, tls: tls, parameters: parameters, folder: site.root)))
            #expect(try build(site) == expected, "tls: \(tls)")
        }

        let missing = site.root.appending(path: "no-root.crt").path
        let unchecked = try postgresData(schema, tls: "verify-full", parameters: "&sslrootcert=\(missing)", folder: site.root)
        try site.write("ripple.yaml", unchecked.yaml)
        let error = #expect(throws: DiagnosticError.self) { _ = try build(site) }
        #expect(error?.description == """
            ripple.yaml: error: could not connect to \(unchecked.url): connection to server at "127.0.0.1", port \(Self.port) failed: root certificate file "\(missing)" does not exist Either provide the file or change sslmode to disable server certificate verification.
              hint: check the host, port and database in data.source, the user and password in PGUSER and PGPASSWORD (or ~/.pgpass), and data.tls
            """)
        #expect(TestSite.files(under: site.output) == expected)

        // Without TLS the same queries return no rows, so the site is not the same.
        try site.write("ripple.yaml", encryptedOnly(try postgresData(schema, folder: site.root)))
        #expect((try? build(site)) != expected)
    }

    @Test func dataSnapshotRebuildsTheSameSite() throws {
        let xlsx = try site()
        try xlsx.write("content/data/program.xlsx", bytes: Array(try Data(contentsOf: Self.workbook)))
        var builder = SiteBuilder(source: xlsx.root, output: xlsx.output)
        let snapshot = xlsx.root.appending(path: "snapshot")
        builder.options.dataSnapshot = snapshot
        _ = try builder.build()
        let written = TestSite.files(under: snapshot)
        #expect(written.keys.sorted() == Self.tables.map { "\($0).csv" }.sorted())
        // The sample's own CSV, byte for byte: numbers and dates come back as they were typed.
        for file in Self.sample { #expect(written[file.path] == Data(file.bytes), "\(file.path) differs") }

        let again = try site()
        for (name, bytes) in written { try again.write("content/data/\(name)", bytes: Array(bytes)) }
        #expect(try build(again) == TestSite.files(under: xlsx.output))
    }

    /// A database is read again on every incremental build (as `ripple serve` rebuilds): a changed row
    /// changes the pages that show it, and the result is what a full build of the same data gives.
    @Test func incrementalBuildsReadTheDatabaseAgain() throws {
        try #require(RequiredTool.present("sqlite3"))
        let site = try site(data: "data:\n  source: sqlite:program.db\n")
        try writeCSV(site, to: "csv")
        let database = site.root.appending(path: "program.db").path
        var commands = ""
        for table in Self.tables { commands += ".import --csv \(site.root.path)/csv/\(table).csv \(table)\n" }
        try Data(commands.utf8).write(to: site.root.appending(path: "import.sql"))
        #expect(GuideTestSupport.run("sqlite3", [database, ".read \(site.root.path)/import.sql"])?.status == 0)
        let builder = SiteBuilder(source: site.root, output: site.output, state: IncrementalState())
        _ = try builder.build()
        let before = TestSite.files(under: site.output)

        #expect(GuideTestSupport.run("sqlite3", [database, "update sessions set status = 'cancelled' where rowid % 3 = 0"])?.status == 0)
        _ = try builder.build()
        let after = TestSite.files(under: site.output)
        #expect(after.filter { $0.key != ".ripple-output" } != before.filter { $0.key != ".ripple-output" },
                "the changed sessions did not reach the site")
        let full = site.root.appending(path: "full")
        _ = try SiteBuilder(source: site.root, output: full).build()
        // .ripple-output is each build kind's own bookkeeping, not the site.
        let expected = TestSite.files(under: full).filter { $0.key != ".ripple-output" }
        let differing = Set(expected.keys).union(after.keys).filter { $0 != ".ripple-output" && after[$0] != expected[$0] }
        #expect(differing.isEmpty, "differs from a full build: \(differing.sorted().prefix(5))")
    }

    @Test func sqliteQueryThatWritesIsRefused() throws {
        try #require(RequiredTool.present("sqlite3"))
        let site = try site(data: "data:\n  source: sqlite:program.db\n  queries:\n    cohorts: \"delete from cohorts returning *\"\n")
        let made = try #require(GuideTestSupport.run("sqlite3", [site.root.appending(path: "program.db").path,
                                                               "create table cohorts (cohort_id text); insert into cohorts values ('C1');"]))
        #expect(made.status == 0)
        let error = #expect(throws: DiagnosticError.self) { _ = try build(site) }
        #expect(error?.description == """
            ripple.yaml: error: reading the table 'cohorts' from program.db failed: the query would change the database; Ripple only reads
              hint: write a select statement; the query was: delete from cohorts returning *
            """)
        let left = try #require(GuideTestSupport.run("sqlite3", [site.root.appending(path: "program.db").path, "select count(*) from cohorts"]))
        #expect(left.output == "1\n")
    }

    @Test func missingSQLiteFileAndUnreachableServer() throws {
        let sqlite = try site(data: "data:\n  source: sqlite:missing.db\n")
        let missing = #expect(throws: DiagnosticError.self) { _ = try build(sqlite) }
        #expect(missing?.description == """
            ripple.yaml: error: the SQLite database '\(sqlite.root.path)/missing.db' does not exist
              hint: check data.source in ripple.yaml; the path is relative to the site folder
            """)
        let unreachable = try site(data: "data:\n  source: postgres://ripple@127.0.0.1:1/none\n  tls: disable\n  timeout: 5\n")
        let refused = #expect(throws: DiagnosticError.self) { _ = try build(unreachable) }
        #expect(refused?.description.hasPrefix("ripple.yaml: error: could not connect to postgres://ripple@127.0.0.1:1/none: connection to server at \"127.0.0.1\", port 1 failed: Connection refused") == true)
    }

    @Test func passwordInConfigIsRefused() throws {
        let error = #expect(throws: DiagnosticError.self) {
            _ = try ConfigParser.parse("data:\n  source: postgres://ripple:secret@db.example/hr\n")
        }
        #expect(error?.description == """
            ripple.yaml:2:11: error: data.source holds a password; ripple.yaml must not
              hint: remove it from the URL and set PGPASSWORD in the environment, or use ~/.pgpass
            """)
    }
}
