import Foundation
import Synchronization
import Testing
@testable import RippleBuild
import RippleCore
import RippleRender
import RippleTestSupport

/// WeasyPrint makes the PDFs and `pdftotext` reads them back (in CI a missing one fails, see `RequiredTool`).
private let needsPDFTools = ConditionTrait.enabled(
    if: RequiredTool.present("weasyprint", "pdftotext"), "needs weasyprint and poppler-utils (apt-get install weasyprint poppler-utils)")

/// The PDFs Ripple makes, read back with `pdftotext -bbox-layout`: no two words drawn over each other, no word
/// outside the content area (a cut chart label shows as one), on every page of four reports of the sample site
/// and of the guide.
@Suite struct PDFLayoutTests {
    /// `@page` margins of report.css (left, right) and print.css (the guide), in millimetres.
    static let reportArea = PDFLayout.Area(left: 14, right: 14)
    static let guideArea = PDFLayout.Area(left: 22, right: 20)

    /// Every quarter of the sample program.
    static let sampleQuarters: [String] = {
        guard let files = try? SiteLoader(root: TestSite.repository).load(),
              let metrics = SiteAssembler().assemble(files).model?.metrics else { return [] }
        return ReportBuilder(metrics: metrics).quarterIDs
    }()

    /// The quarters whose reports differ in layout: the first (no earlier quarter to compare with), the first
    /// compared with a year before, the last complete one and the running one (figures to date). WeasyPrint takes
    /// 3 s a report, so the other twelve, laid out like these, are left out.
    static let layoutQuarters: [String] = {
        let all = sampleQuarters
        guard all.count >= 8 else { return all }
        return [all[0], all[4], all[all.count - 2], all[all.count - 1]]
    }()

    @Test func theSampleProgramHasQuartersToCheck() {
        #expect(Self.sampleQuarters.count >= 8, "\(Self.sampleQuarters)")
        #expect(Set(Self.layoutQuarters).count == 4, "\(Self.layoutQuarters)")
    }

    /// The reports of `layoutQuarters`, two at a time: WeasyPrint runs on one core.
    @Test(needsPDFTools)
    func sampleReportPDFsHaveNoLayoutFault() throws {
        try #require(PDFEngine.locate() != nil, "WeasyPrint is not installed")
        let quarters = Self.layoutQuarters
        let results = Mutex([String: Result<PDFLayout, any Error>]())
        DispatchQueue.concurrentPerform(iterations: quarters.count) { i in
            let result = Result {
                try Self.layout(of: StandaloneReport(source: TestSite.repository, quarter: quarters[i], format: .pdf).make().0,
                                name: "report-\(quarters[i]).pdf")
            }
            results.withLock { $0[quarters[i]] = result }
        }
        for quarter in quarters {
            let layout = try #require(results.withLock { $0[quarter] }).get()
            #expect(layout.pages.count > 1, "\(quarter)")
            let faults = layout.faults(within: Self.reportArea)
            #expect(faults.isEmpty, "\(quarter):\n\(faults.prefix(20).joined(separator: "\n"))")
        }
    }

    @Test(needsPDFTools)
    func guidePDFHasNoLayoutFault() throws {
        let bytes = try #require(try GuideTestSupport.samplePDF(), "WeasyPrint is not installed")
        let layout = try Self.layout(of: bytes, name: "guide.pdf")
        #expect(layout.pages.count > 10)
        let faults = layout.faults(within: Self.guideArea)
        #expect(faults.isEmpty, "\(faults.prefix(20).joined(separator: "\n"))")
    }

    /// The check itself finds what it is for: words over each other, and a label running off the column.
    @Test(needsPDFTools)
    func checkFindsOverlappingAndCutText() throws {
        let engine = try #require(PDFEngine.locate(), "WeasyPrint is not installed")
        let html = """
            <html><head><style>@page { size: A4; margin: 20mm; } p { font: 12pt sans-serif; margin: 0; }</style></head><body>
            <p>First line of text</p><p style="margin-top: -10pt">Second line drawn over it</p>
            <p style="margin-top: 20mm; margin-left: -15mm">Label</p>
            </body></html>
            """
        let bytes = try engine.render(html: html, htmlPath: "check.html", files: [:], epoch: 0)
        let faults = try Self.layout(of: bytes, name: "check.pdf").faults(within: PDFLayout.Area(left: 20, right: 20))
        #expect(faults.contains { $0.hasPrefix("page 1: \"First\" overlaps \"Second\"") }, "\(faults)")
        #expect(faults.contains { $0.hasPrefix("page 1: \"Label\" lies outside the content area") }, "\(faults)")
        #expect(!faults.contains { $0.contains("\"of\" overlaps \"text\"") }, "words of one line never overlap: \(faults)")
    }

    static func layout(of bytes: [UInt8], name: String) throws -> PDFLayout {
        let folder = FileManager.default.temporaryDirectory.appending(path: "ripple-pdf-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appending(path: name)
        try Data(bytes).write(to: pdf)
        return try PDFLayout.read(pdf)
    }
}
