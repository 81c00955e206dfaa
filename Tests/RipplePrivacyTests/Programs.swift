import Foundation
import RippleCore
import RippleData
import RippleMetrics
@testable import RipplePrivacy

/// Programs the privacy tests run on: the sample site's data and generated programs.
enum Programs {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func settings(minGroupSize: Int = 5, asOf: String? = nil) -> SiteConfig {
        var config = SiteConfig()
        config.privacy.minGroupSize = minGroupSize
        config.program.asOf = asOf.map(day)
        return config
    }

    /// The sample site's program (content/data), with the headcount its ripple.yaml gives (the generator's).
    static func sample() throws -> Program {
        let data = repository.appending(path: "content/data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted().filter { $0.hasSuffix(".csv") }
            .map { DataFile(path: "content/data/" + $0, bytes: Array(try Data(contentsOf: data.appending(path: $0)))) }
        var program = try load(files)
        program.headcount = try load(SampleProgramGenerator().generate()).headcount
        return program
    }

    /// What `ripple sample-data --participants N` writes.
    static func generated(_ participants: Int) throws -> Program {
        try load(SampleProgramGenerator(participants: participants).generate())
    }

    /// A generated program whose people are spread over `departments` departments in turn (the
    /// column-mapping slip of the hostile case `04-three-hundred-departments`).
    static func generated(_ participants: Int, departments: Int) throws -> Program {
        var program = try generated(participants)
        for i in program.participants.indices {
            program.participants[i].department = String(format: "Dept %03d", i % departments)
        }
        return program
    }

    private static func load(_ files: [DataFile]) throws -> Program {
        let loaded = ProgramLoader(settings: SiteConfig().data).load(files)
        guard let program = loaded.program else { throw Failure(diagnostics: loaded.diagnostics) }
        return program
    }

    struct Failure: Error { var diagnostics: [Diagnostic] }

    /// The metrics before disclosure control (primary suppression only) and after it.
    static func protect(_ program: Program, settings: SiteConfig = settings()) -> (MetricSet, DisclosureControl.Outcome) {
        let primary = MetricsEngine(settings: settings).compute(program)
        return (primary, DisclosureControl().protect(primary))
    }

    /// What the audit finds in a metric set, exactly as metrics.json publishes it.
    static func audit(_ set: MetricSet) throws -> [DisclosureFinding] {
        PrivacyAudit().findings(in: try PublishedFigures(json: MetricsJSON.encode(set)))
    }
}

extension Programs {
    static func person(_ id: String, _ department: String, _ level: String, _ roles: Roles) -> Participant {
        Participant(id: id, displayName: "Name \(id)", email: "\(id)@example.com", department: department, level: level,
                    roles: roles, joined: day("2026-01-01"))
    }
}
