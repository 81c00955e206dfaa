import Testing
@testable import RippleBuild
import RippleCore

@Suite struct ConfigParserTests {
    @Test func readsEveryKnownSection() throws {
        let config = try ConfigParser.parse("""
        title: Mentoring at Northwind
        organisation: Northwind Group
        language: en-GB
        base_url: https://intranet.example.com/mentoring
        site:
          noindex: false
        markdown:
          smart_punctuation: false
          unsafe_html: true
          heading_ids: github
        guide:
          title: The Ripple Effect
          author: People & Culture
          slug: the-ripple-effect
          pdf: never
        data:
          list_separator: "|"
          columns:
            participants:
              participant_id: Employee ID
        program:
          as_of: 2026-09-30
          fiscal_year_start_month: 4
        metrics:
          at_risk_days: 45
        privacy:
          min_group_size: 7
        targets:
          match_rate: 0.7
        """)
        #expect(config.title == "Mentoring at Northwind")
        #expect(config.baseURL == "https://intranet.example.com/mentoring/")
        #expect(config.noindex == false)
        #expect(config.markdown.unsafeHTML && !config.markdown.smartPunctuation && config.markdown.headingIDs == .github)
        #expect(config.guide.slug == "the-ripple-effect" && config.guide.pdf == .never)
        #expect(config.data.listSeparator == "|")
        #expect(config.data.columns["participants"]?["participant_id"] == "Employee ID")
        #expect(config.program.asOf == Day(iso: "2026-09-30") && config.program.fiscalYearStartMonth == 4)
        #expect(config.metrics.atRiskDays == 45 && config.privacy.minGroupSize == 7)
        #expect(config.targets == ["match_rate": 0.7])
    }

    /// Targets can differ by quarter: `targets_by_quarter` overrides `targets` in the quarters it names.
    @Test func targetsByQuarterOverrideTargets() throws {
        let config = try ConfigParser.parse("targets:\n  match_rate: 0.7\ntargets_by_quarter:\n  2026-Q3: {match_rate: 0.75}\n")
        #expect(config.targets == ["match_rate": 0.7] && config.targetsByQuarter == ["2026-Q3": ["match_rate": 0.75]])
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigParser.parse("targets_by_quarter:\n  Q3: {match_rate: 0.75}\n  2026-Q4: {match_rat: 0.8}\n")
        }
        #expect(error?.diagnostics.map(\.description) == [
            "ripple.yaml:2:3: error: keys in targets_by_quarter must be quarters such as 2026-Q3, not 'Q3'\n"
                + "  hint: write the quarter as its id on the reports index: the year, a dash, Q and 1 to 4",
            "ripple.yaml:3:13: error: unknown metric 'match_rat' in targets\n  hint: did you mean 'match_rate'? targets can be set for: "
                + ConfigParser.targetKeys.joined(separator: ", "),
        ])
    }

    /// `program.headcount`: departments to eligible employees; a negative or non-number count is located.
    @Test func headcountMapsDepartmentsToEmployees() throws {
        let config = try ConfigParser.parse("program:\n  headcount: {Sales: 120, Engineering: 240}\n")
        #expect(config.program.headcount.map { "\($0.department)=\($0.count)@\($0.location.line ?? 0):\($0.location.column ?? 0)" }
            == ["Sales=120@2:22", "Engineering=240@2:40"])
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigParser.parse("program:\n  headcount:\n    Sales: -3\n    Legal: many\n")
        }
        #expect(error?.diagnostics.map(\.description) == [
            "ripple.yaml:3:12: error: the headcount of 'Sales' must be a whole number of employees, 0 or more, not '-3'\n"
                + "  hint: write how many employees of Sales may join the program, e.g. 120",
            "ripple.yaml:4:12: error: the headcount of 'Legal' must be a whole number of employees, 0 or more, not 'many'\n"
                + "  hint: write how many employees of Legal may join the program, e.g. 120",
        ])
    }

    @Test func unknownKeysAreLocatedWithASuggestion() {
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigParser.parse("title: X\nmarkdown:\n  smart_punctuaton: true\ncolour: blue\n")
        }
        #expect(error?.diagnostics.map(\.description) == [
            "ripple.yaml:3:3: error: unknown key 'smart_punctuaton' in markdown\n  hint: did you mean 'smart_punctuation'? valid keys here: smart_punctuation, unsafe_html, heading_ids",
            "ripple.yaml:4:1: error: unknown key 'colour' in ripple.yaml\n  hint: valid keys here: title, organisation, language, base_url, site, markdown, guide, data, program, metrics, privacy, targets, targets_by_quarter, matching, followup, private_dir, directory",
        ])
    }

    @Test func columnMappingsNameRealFields() {
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigParser.parse("data:\n  columns:\n    participants:\n      participant_idd: Employee ID\n")
        }
        #expect(error?.diagnostics.first?.description.hasPrefix(
            "ripple.yaml:4:7: error: unknown key 'participant_idd' in data.columns.participants\n  hint: did you mean 'participant_id'?") == true)
    }

    @Test func badValuesAndYAMLSyntaxAreLocated() {
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigParser.parse("title: X\nprivacy:\n  min_group_size: five\n")
        }
        #expect(error?.diagnostics.map(\.description) == ["ripple.yaml:3:19: error: 'min_group_size' must be a whole number, not 'five'"])
        let syntax = #expect(throws: DiagnosticError.self) { try ConfigParser.parse("title: [unclosed\n") }
        #expect(syntax?.diagnostics.first?.location?.line == 2)
        #expect(syntax?.diagnostics.first?.message.hasPrefix("invalid YAML") == true)
    }
}
