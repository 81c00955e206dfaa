import Foundation
import RippleCore
import RippleData
import RippleMetrics
import RippleRender
import RippleTemplate

/// Small in-memory programs and the repository's theme for the render tests.
enum Fixtures {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Eight people in Eng, four in Legal (too few to publish) and six in Ops, nine pairs, two quarters of 2026.
    static var program: Program {
        var people: [Participant] = []
        for i in 1...4 {
            people.append(person("em\(i)", "Eng", "L5", .mentor))
            people.append(person("ee\(i)", "Eng", "L2", .mentee))
        }
        for i in 1...2 {
            people.append(person("lm\(i)", "Legal", "L5", .mentor))
            people.append(person("le\(i)", "Legal", "L2", .mentee))
        }
        for i in 1...3 {
            people.append(person("om\(i)", "Ops", "L5", .mentor))
            people.append(person("oe\(i)", "Ops", "L2", .mentee))
        }
        let pairs = stride(from: 0, to: people.count, by: 2).enumerated().map { n, i in
            Pair(id: "P\(n)", cohort: 0, mentor: i, mentee: i + 1, requested: day("2026-01-01"), start: day("2026-01-10"),
                 status: .active)
        }
        var sessions: [Session] = []
        for (n, pair) in pairs.enumerated() {
            sessions.append(Session(id: "S\(n)a", pair: n, date: day("2026-02-01"), durationMinutes: 60, ratingMentor: 4))
            sessions.append(Session(id: "S\(n)b", pair: n, date: day("2026-05-01"), durationMinutes: 60, ledBy: .mentee))
            if people[pair.mentor].department == "Eng" {
                sessions.append(Session(id: "S\(n)c", pair: n, date: day("2026-06-01"), durationMinutes: 30, ledBy: .joint))
            }
        }
        let cohort = Cohort(id: "spring-2026", name: "Spring <2026>", programType: .reciprocal, start: day("2026-01-01"))
        return Program(participants: people, cohorts: [cohort], pairs: pairs, sessions: sessions)
    }

    static func person(_ id: String, _ department: String, _ level: String, _ roles: Roles) -> Participant {
        Participant(id: id, displayName: "Secret Person \(id)", email: "\(id)@people.example", department: department,
                    level: level, roles: roles, joined: day("2026-01-01"))
    }

    static func config(minGroupSize: Int = 5) -> SiteConfig {
        var config = SiteConfig()
        config.title = "Test site"
        config.privacy.minGroupSize = minGroupSize
        config.program.asOf = day("2026-06-30")
        config.targets = ["match_rate": 0.7]
        return config
    }

    static func metrics(_ program: Program = program, config: SiteConfig = config()) -> MetricSet {
        MetricsEngine(settings: config).compute(program)
    }

    /// Every template of the repository's theme.
    static func templates() throws -> TemplateLibrary {
        let root = repository.appending(path: "templates")
        var sources: [TemplateSource] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            sources.append(TemplateSource(name: String(relative.dropLast(".mustache".count)), path: "templates/" + relative,
                                          text: try String(contentsOf: url, encoding: .utf8)))
        }
        return try TemplateLibrary(sources: sources.sorted { $0.name < $1.name }, strict: true)
    }

    /// Renders a whole site to memory.
    static func render(config: SiteConfig, content: SiteContent, metrics: MetricSet?) throws -> (MemorySink, [Diagnostic]) {
        let model = SiteModel(config: config, content: content, metrics: metrics, templates: try templates())
        let sink = MemorySink()
        let output = SiteRenderer(model: model).render(to: sink)
        return (sink, output.diagnostics)
    }
}
