import Foundation
import RippleBuild
import RippleCore
import RippleRender
import RippleTemplate

/// Shared helpers for the guide tests: the sample site, small in-memory sites and external tools.
enum GuideTestSupport {
    /// The repository root (holding the sample site).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A guide builder over the sample site.
    static func sampleBuilder() throws -> GuideBuilder {
        let files = try SiteLoader(root: packageRoot).load()
        let assembled = SiteAssembler().assemble(files)
        guard let model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        return GuideBuilder(model: model, files: Dictionary(files.contentFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }),
                            pdfEngine: PDFEngine.locate())
    }

    /// The sample guide's PDF, rendered once for every test that reads it (a WeasyPrint run takes seconds);
    /// nil without WeasyPrint.
    static func samplePDF() throws -> [UInt8]? { try sharedSamplePDF.get() }

    private static let sharedSamplePDF = Result<[UInt8]?, Error> {
        let builder = try sampleBuilder()
        return builder.pdfEngine == nil ? nil : try builder.render(.pdf)
    }

    /// A chapter page.
    static func chapter(_ name: String, _ body: String, title: String? = nil, date: Day? = nil) -> Page {
        let stem = String(name.dropLast(3))
        return Page(kind: .chapter, source: "content/guide/\(name)", title: title, slug: stem, date: date, body: body,
                    bodyLineOffset: 3, outputPath: "guide/\(stem)/index.html")
    }

    /// A builder over an in-memory site.
    static func builder(chapters: [Page], staticFiles: [StaticFile] = [], files: [String: [UInt8]] = [:],
                        configure: (inout SiteConfig) -> Void = { _ in }) throws -> GuideBuilder {
        var config = SiteConfig()
        config.title = "Mentoring"
        config.organisation = "Acme & Co"
        config.baseURL = "https://intranet.example.com/mentoring/"
        config.guide.title = "Test Guide"
        config.guide.author = "People Team"
        config.guide.slug = "test-guide"
        configure(&config)
        let content = SiteContent(pages: [Page(kind: .page, source: "content/pages/join.md", title: "Join", slug: "join",
                                               body: "Join us.", outputPath: "join/index.html")],
                                  chapters: chapters, staticFiles: staticFiles)
        let model = SiteModel(config: config, content: content, templates: try TemplateLibrary(sources: []))
        return GuideBuilder(model: model, files: files, pdfEngine: nil)
    }

    /// `model` with another configuration, content or templates (the model itself is immutable).
    static func model(_ model: SiteModel, config: SiteConfig? = nil, content: SiteContent? = nil,
                      templates: TemplateLibrary? = nil) -> SiteModel {
        SiteModel(config: config ?? model.config, content: content ?? model.content, metrics: model.metrics,
                  templates: templates ?? model.templates, themeAssets: model.themeAssets,
                  guideDownloads: model.guideDownloads, directory: model.directory)
    }

    /// The text of one entry of a book.
    static func text(_ book: EPUBBook, _ path: String) -> String? {
        book.entries.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Runs a program; nil when it is not installed.
    static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String)? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let folder = paths.first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }) else { return nil }
        var executable = "\(folder)/\(tool)"
        var args = arguments
        // Debian's epubcheck is an executable jar; run it through java.
        if let head = FileManager.default.contents(atPath: executable)?.prefix(2), Array(head) == [0x50, 0x4B] {
            args = ["-jar", executable] + args
            executable = paths.lazy.map { "\($0)/java" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/java"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes bytes to a fresh temporary file.
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "ripple-guide-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appending(path: name)
        try Data(bytes).write(to: url)
        return url
    }
}
