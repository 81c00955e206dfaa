import Foundation
import RippleCore
import RippleData
import RippleMetrics
import RippleRender
import Testing

/// Renders the sample site's program data, dashboards and its "Measuring impact" chapter (which uses
/// shortcodes) and checks that no participant's name or email reaches any output file.
@Suite struct SamplePrivacyTests {
    @Test func noParticipantNameOrEmailInTheOutput() throws {
        let data = Fixtures.repository.appending(path: "content/data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted().filter { $0.hasSuffix(".csv") }
            .map { DataFile(path: "content/data/" + $0, bytes: Array(try Data(contentsOf: data.appending(path: $0)))) }
        var config = Fixtures.config()
        config.program.asOf = nil
        let loaded = ProgramLoader(settings: config.data).load(files)
        let program = try #require(loaded.program, "\(loaded.diagnostics)")
        let metrics = MetricsEngine(settings: config).compute(program)

        let chapterText = try String(contentsOf: Fixtures.repository.appending(path: "content/guide/08-measuring-impact.md"),
                                     encoding: .utf8)
        let parts = chapterText.components(separatedBy: "---\n")
        let body = parts.dropFirst(2).joined(separator: "---\n")
        let chapter = Page(kind: .chapter, source: "content/guide/08-measuring-impact.md", title: "Measuring impact",
                           slug: "measuring-impact", body: body, outputPath: "guide/measuring-impact/index.html")
        let (sink, diagnostics) = try Fixtures.render(config: config, content: SiteContent(chapters: [chapter]), metrics: metrics)
        let errors = diagnostics.filter { $0.severity == .error && !$0.message.contains("does not exist") }
        #expect(errors.isEmpty, "\(errors)")

        let chapterHTML = try #require(sink.text("guide/measuring-impact/index.html"))
        #expect(chapterHTML.contains("<span class=\"metric-inline\""))
        #expect(chapterHTML.contains("<figure class=\"chart chart-line\""))

        let secrets = program.participants.flatMap { [$0.displayName, $0.email] }.compactMap { $0 }.filter { $0.count >= 5 }
        #expect(secrets.count > 100)
        #expect(sink.files.count > 10)
        for (path, bytes) in sink.files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in secrets where text.contains(secret) {
                Issue.record("\(path) contains '\(secret)'")
            }
        }
    }
}
