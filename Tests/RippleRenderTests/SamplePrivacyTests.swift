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

        let chapters = try Self.pages(in: "content/guide", kind: .chapter, output: "guide/")
        let pages = try Self.pages(in: "content/pages", kind: .page, output: "")
        let (sink, diagnostics) = try Fixtures.render(config: config, content: SiteContent(pages: pages, chapters: chapters),
                                                      metrics: metrics)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")

        let chapterHTML = try #require(sink.text("guide/measuring-impact/index.html"))
        #expect(chapterHTML.contains("<span class=\"metric-inline\""))
        #expect(chapterHTML.contains("<figure class=\"chart chart-line\""))

        let secrets = program.participants.flatMap { [$0.displayName, $0.email] }.compactMap { $0 }.filter { $0.count >= 5 }
        #expect(secrets.count > 100)
        #expect(sink.files.count > 10)
        // Index every output file's words, word pairs and email-like tokens once, then look each secret up.
        for (path, bytes) in sink.files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: bytes, as: UTF8.self)
            let words = text.split { !($0.isLetter || $0 == "'" || $0 == "-") }.map(String.init)
            var seen = Set(words)
            for i in words.indices.dropLast() { seen.insert(words[i] + " " + words[i + 1]) }
            seen.formUnion(text.split { !($0.isLetter || $0.isNumber || "._+-@".contains($0)) }.map(String.init))
            for secret in secrets where seen.contains(secret) {
                Issue.record("\(path) contains '\(secret)'")
            }
        }
        #expect(secrets.allSatisfy { !$0.contains(" ") || $0.split(separator: " ").count == 2 || $0.contains("@") })
    }

    /// The Markdown files of a sample folder as pages (front matter title, numeric prefix dropped from the slug).
    static func pages(in folder: String, kind: PageKind, output: String) throws -> [Page] {
        let url = Fixtures.repository.appending(path: folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().filter { $0.hasSuffix(".md") }.map { name in
            let text = try String(contentsOf: url.appending(path: name), encoding: .utf8)
            let parts = text.components(separatedBy: "---\n")
            let front = parts.count > 2 ? parts[1] : ""
            let body = parts.count > 2 ? parts.dropFirst(2).joined(separator: "---\n") : text
            let title = front.split(separator: "\n").first { $0.hasPrefix("title:") }
                .map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            var slug = String(name.dropLast(3))
            if let dash = slug.firstIndex(of: "-"), slug[..<dash].allSatisfy(\.isNumber) { slug = String(slug[slug.index(after: dash)...]) }
            return Page(kind: kind, source: "\(folder)/\(name)", title: title, slug: slug, body: body,
                        bodyLineOffset: text.count - body.count > 0 ? front.split(separator: "\n", omittingEmptySubsequences: false).count + 1 : 0,
                        outputPath: "\(output)\(slug)/index.html")
        }
    }
}
