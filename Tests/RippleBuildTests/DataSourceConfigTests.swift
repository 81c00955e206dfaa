import Testing
@testable import RippleBuild
import RippleCore

/// `data.source`, `data.queries`, `data.sheets`, `data.tls` and `data.timeout` in ripple.yaml.
@Suite struct DataSourceConfigTests {
    @Test func readsTheSourceKeys() throws {
        let config = try ConfigParser.parse("""
        data:
          source: postgres://ripple_reader@warehouse.example:5432/hr
          tls: verify-full
          timeout: 30
          queries:
            sessions: "select * from mentoring.sessions_for_ripple"
          sheets:
            participants: People
        """)
        #expect(config.data.source == .postgres(url: "postgres://ripple_reader@warehouse.example:5432/hr"))
        #expect(config.data.tls == .verifyFull)
        #expect(config.data.timeout == 30)
        #expect(config.data.queries == ["sessions": "select * from mentoring.sessions_for_ripple"])
        #expect(config.data.sheets == ["participants": "People"])
        #expect(try ConfigParser.parse("data:\n  source: sqlite:data/program.db\n").data.source == .sqlite(path: "data/program.db"))
        #expect(try ConfigParser.parse("title: x\n").data.source == .files)
        #expect(try ConfigParser.parse("title: x\n").data.tls == .require)
    }

    @Test func badValuesAreLocated() {
        func problems(_ yaml: String) -> String {
            do { _ = try ConfigParser.parse(yaml); return "" } catch { return error.description }
        }
        #expect(problems("data:\n  source: mysql://db/hr\n")
            == "ripple.yaml:2:11: error: data.source must be files, sqlite:<path> or postgres://host:port/database, not 'mysql://db/hr'")
        #expect(problems("data:\n  source: \"sqlite:\"\n") == """
            ripple.yaml:2:11: error: 'sqlite:' must be followed by the database file's path
              hint: write e.g. sqlite:data/program.db (relative to the site folder)
            """)
        #expect(problems("data:\n  source: postgres://db.example/hr?password=x\n").hasPrefix(
            "ripple.yaml:2:11: error: data.source holds a password; ripple.yaml must not"))
        #expect(problems("data:\n  queries:\n    meetings: select 1\n").hasPrefix("ripple.yaml:3:5: error: unknown key 'meetings' in data.queries"))
        #expect(problems("data:\n  tls: sometimes\n").hasPrefix("ripple.yaml:2:8: error:"))
        #expect(problems("data:\n  timeout: 0\n").hasPrefix("ripple.yaml:2:12: error:"))
    }
}
