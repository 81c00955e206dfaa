import ArgumentParser
import Foundation
import RippleBuild
import RippleCore
import RippleRender

/// `ripple guide`: writes one downloadable form of the guide (EPUB, PDF or the print page).
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide", abstract: "Write the guide as an EPUB, a PDF or a print-ready HTML page.")

    @Option(name: .long, help: "The site folder (holding ripple.yaml).")
    var source: String = "."

    @Option(name: .long, help: "epub, pdf or html.")
    var format: GuideBuilder.Format = .epub

    @Option(name: .long, help: "The file to write (default: <guide slug>.epub or .pdf, and print.html for html).")
    var output: String?

    func run() throws {
        Interruption.stopChildrenOnSignal()
        do {
            if let output { try SingleFileOutput(path: output, source: URL(fileURLWithPath: source)).check() }
            let files = try SiteLoader(root: URL(fileURLWithPath: source)).load()
            let assembled = SiteAssembler().assemble(files)
            guard let model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
            Console.report(assembled.diagnostics)
            let contentFiles = Dictionary(files.contentFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
            var engine = PDFEngine.locate()
            engine?.progress = Console.progress
            let builder = GuideBuilder(model: model, files: contentFiles, pdfEngine: engine)
            let (bytes, notes) = try builder.make(format)
            Console.report(notes)
            let name = output ?? (format == .html ? "print.html" : "\(model.config.guide.slug).\(format.rawValue)")
            try SingleFileOutput(path: name, source: URL(fileURLWithPath: source)).write(bytes)
            print("Wrote \(name) (\(bytes.count) bytes)")
        } catch let error as DiagnosticError {
            throw Console.failure(error.diagnostics) { "Guide failed: \($0)." }
        }
    }
}

extension GuideBuilder.Format: ExpressibleByArgument {}
