import RippleCore
import RippleData
import RippleMetrics
import RipplePrivacy
import RippleRender
import RippleSources
import RippleTemplate

/// The pure middle of the pipeline: from the files read to the immutable `SiteModel`, validating
/// configuration, content, templates and program data, and computing the metrics.
package struct SiteAssembler: Sendable {
    /// Include drafts.
    package var includeDrafts = false
    /// Overrides `base_url` from the command line.
    package var baseURL: String?
    /// Content results of earlier builds (incremental builds); nil parses every file.
    package var contentMemo: ContentMemo?
    /// Whether pages whose body is their file's own let it go once their Markdown is rendered, to read it again
    /// from the site folder when asked (`ContentBuilder.rereadRoot`): for builds that keep nothing.
    package var releasesBodies = false
    /// What the build can make of the guide's PDF, so the model lists the right downloads; nil lists none
    /// (`ripple check` writes no downloads).
    package var guidePDF: GuidePDF?

    /// Whether a build makes the guide's PDF.
    package struct GuidePDF: Sendable {
        /// Whether WeasyPrint was found.
        package var engineFound: Bool
        /// False when the build leaves the PDF out whatever `guide.pdf` says (`ripple serve`).
        package var allowed = true

        /// Creates the choice.
        package init(engineFound: Bool, allowed: Bool = true) {
            self.engineFound = engineFound
            self.allowed = allowed
        }
    }

    /// Creates an assembler.
    package init(includeDrafts: Bool = false, baseURL: String? = nil) {
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }

    /// What assembling produced: the model when there were no errors, and every diagnostic.
    package struct Result: Sendable {
        /// The model, nil when any error was found.
        package var model: SiteModel?
        /// The validated program, when the site has data.
        package var program: Program?
        /// Every diagnostic, in source order.
        package var diagnostics: [Diagnostic]
        /// How long each step took.
        package var timings = StageTimings()
        /// What disclosure control and the audit did, when the site has data.
        package var privacy: PrivacySummary?
        /// Whether the guide would have had a PDF but `guidePDF.allowed` left it out.
        package var leftOutPDF = false
    }

    /// Assembles the model from a site's files, reporting every problem at once.
    package func assemble(_ source: SiteSource) -> Result {
        var diagnostics: [Diagnostic] = []
        var timings = StageTimings()
        var config = SiteConfig()
        do throws(DiagnosticError) { config = try ConfigParser.parse(source.configText, contentPaths: Set(source.contentFiles.map(\.path))) } catch {
            diagnostics += error.diagnostics
        }
        if let baseURL { config.baseURL = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }

        let (content, contentProblems) = timings.measure("content") {
            ContentBuilder(includeDrafts: includeDrafts, memo: contentMemo, rereadRoot: releasesBodies ? source.root?.path : nil)
                .build(source.contentFiles, unread: source.unread, read: { source.bytes(of: $0) })
        }
        diagnostics += contentProblems

        var templates: TemplateLibrary?
        timings.measure("templates") {
            do throws(DiagnosticError) { templates = try Self.templates(from: source.themeFiles) } catch {
                diagnostics += error.diagnostics
            }
        }

        var program: Program?
        var metrics: MetricSet?
        var privacy: PrivacySummary?
        if !source.dataFiles.isEmpty || !source.dataTables.isEmpty || !source.dataProblems.isEmpty {
            let loaded = timings.measure("data") {
                ProgramReader(settings: config.data, asOf: config.program.asOf, headcount: config.program.headcount)
                    .load(source.dataFiles, tables: source.dataTables, problems: source.dataProblems)
            }
            diagnostics += loaded.diagnostics
            program = loaded.program
            if let program {
                let computed = timings.measure("metrics") { MetricsEngine(settings: config).compute(program) }
                // Disclosure control: renderers only ever see the figures it passed.
                let protected = PrivacyStage.run(computed, audit: config.privacy.audit, timings: &timings)
                metrics = protected.metrics
                diagnostics += protected.diagnostics
                privacy = protected.summary
            }
        }

        var assets: [String: [UInt8]] = [:]
        for file in source.themeFiles where file.path.hasPrefix("assets/") { assets[file.path] = file.bytes }

        guard let templates, !diagnostics.hasErrors else {
            return Result(model: nil, program: program, diagnostics: diagnostics.sortedByLocation, timings: timings,
                          privacy: privacy)
        }
        var leftOutPDF = false
        if guidePDF?.allowed == false {
            leftOutPDF = config.guide.pdf != .never && config.guide.downloads && !content.chapters.isEmpty
            config.guide.pdf = .never
        }
        let downloads = guidePDF.map {
            GuideBuilder.downloads(config: config, hasChapters: !content.chapters.isEmpty,
                                   pdfAvailable: GuideBuilder.makesPDF(config: config, content: content, engineFound: $0.engineFound))
        } ?? []
        var directory: MentorDirectory?
        if config.directory.enabled, let program, let metrics {
            directory = MentorDirectory(program: program, settings: config.directory, asOf: metrics.asOf,
                                        defaultCapacity: config.matching.defaultCapacity)
        }
        let model = SiteModel(config: config, content: content, metrics: metrics, templates: templates, themeAssets: assets,
                              guideDownloads: downloads, directory: directory)
        return Result(model: model, program: program, diagnostics: diagnostics.sortedByLocation, timings: timings,
                      privacy: privacy, leftOutPDF: leftOutPDF)
    }

    /// Compiles every `.mustache` file of the theme; its name is its path without the extension.
    static func templates(from files: [ThemeFile]) throws(DiagnosticError) -> TemplateLibrary {
        var sources: [TemplateSource] = []
        var problems: [Diagnostic] = []
        for file in files where file.path.hasSuffix(".mustache") {
            guard let text = String(validating: file.bytes, as: UTF8.self) else {
                problems.append(.error("is not valid UTF-8 text", at: SourceLocation(file: file.displayPath),
                                       hint: "save the template as UTF-8"))
                continue
            }
            sources.append(TemplateSource(name: String(file.path.dropLast(".mustache".count)), path: file.displayPath, text: text))
        }
        var library: TemplateLibrary?
        do throws(DiagnosticError) { library = try TemplateLibrary(sources: sources, strict: true) } catch {
            problems += error.diagnostics
        }
        guard let library, problems.isEmpty else { throw DiagnosticError(problems) }
        return library
    }
}
