import Foundation
import RippleTestSupport

/// The text boxes of a PDF as `pdftotext -bbox-layout` (poppler-utils) reports them, and the layout faults they
/// show: two words drawn over each other, or a word outside the area the page's content may use.
///
/// A chart label cut at the chart's edge still comes out of pdftotext whole, at the place it was drawn, so it
/// shows as a word outside the content area (the chart spans the text column).
struct PDFLayout {
    /// A rectangle in PDF points, origin at the top left.
    struct Box: Equatable {
        var xMin, yMin, xMax, yMax: Double
        var width: Double { xMax - xMin }
        var height: Double { yMax - yMin }

        /// The overlap with `other`, nil when they do not meet.
        func intersection(_ other: Box) -> Box? {
            let box = Box(xMin: max(xMin, other.xMin), yMin: max(yMin, other.yMin),
                          xMax: min(xMax, other.xMax), yMax: min(yMax, other.yMax))
            return box.width > 0 && box.height > 0 ? box : nil
        }
    }

    /// One word, with the line it belongs to (words of one line never count as overlapping).
    struct Word {
        var text: String
        var box: Box
        var line: Int
    }

    /// One page: its size and words.
    struct Page {
        var width, height: Double
        var words: [Word] = []
    }

    /// Where content may go, as distances from the page's edges in millimetres: the text column's sides (the
    /// `@page` left and right margins) and, above and below, the strip a printer cannot print on (running headers
    /// and footers sit in the margins).
    struct Area {
        var left: Double
        var right: Double
        var top = 5.0
        var bottom = 5.0
    }

    var pages: [Page]

    /// Reads `pdf` with `pdftotext -bbox-layout`.
    static func read(_ pdf: URL) throws -> PDFLayout {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RequiredTool.path(of: "pdftotext") ?? "/usr/bin/pdftotext")
        process.arguments = ["-bbox-layout", pdf.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return PDFLayout(xhtml: String(decoding: data, as: UTF8.self))
    }

    /// Parses pdftotext's XHTML: `<page width height>`, `<line>`, `<word xMin yMin xMax yMax>text</word>`.
    init(xhtml: String) {
        pages = []
        var line = 0
        for tag in xhtml.split(separator: "<").dropFirst() {
            if tag.hasPrefix("page ") {
                pages.append(Page(width: Self.number("width", in: tag), height: Self.number("height", in: tag)))
            } else if tag.hasPrefix("line ") {
                line += 1
            } else if tag.hasPrefix("word "), !pages.isEmpty, let close = tag.firstIndex(of: ">") {
                let box = Box(xMin: Self.number("xMin", in: tag), yMin: Self.number("yMin", in: tag),
                              xMax: Self.number("xMax", in: tag), yMax: Self.number("yMax", in: tag))
                let text = tag[tag.index(after: close)...].replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"")
                pages[pages.count - 1].words.append(Word(text: text, box: box, line: line))
            }
        }
    }

    private static func number(_ name: String, in tag: Substring) -> Double {
        guard let start = tag.range(of: " \(name)=\"")?.upperBound,
              let end = tag[start...].firstIndex(of: "\"") else { return .nan }
        return Double(tag[start..<end]) ?? .nan
    }

    /// Every fault, one line each (`page 3: "Average" overlaps "rating"`), in page order.
    func faults(within area: Area) -> [String] {
        let point = 72 / 25.4
        var faults: [String] = []
        for (index, page) in pages.enumerated() {
            let allowed = Box(xMin: area.left * point - 0.5, yMin: area.top * point,
                              xMax: page.width - area.right * point + 0.5, yMax: page.height - area.bottom * point)
            for word in page.words where word.box.intersection(allowed) != word.box {
                faults.append("page \(index + 1): \"\(word.text)\" lies outside the content area "
                              + "(x \(Self.rounded(word.box.xMin))–\(Self.rounded(word.box.xMax)), "
                              + "y \(Self.rounded(word.box.yMin))–\(Self.rounded(word.box.yMax)) of \(Self.rounded(page.width)) × \(Self.rounded(page.height)) pt)")
            }
            faults += Self.overlaps(page.words).map { "page \(index + 1): \($0)" }
        }
        return faults
    }

    /// Words of different lines drawn over each other: they meet over more than a point across and more than
    /// a third of the smaller word's height (a line's descenders may touch the next line's ascenders).
    static func overlaps(_ words: [Word]) -> [String] {
        let sorted = words.sorted { $0.box.yMin < $1.box.yMin }
        var found: [String] = []
        for (i, word) in sorted.enumerated() {
            for other in sorted[(i + 1)...] {
                if other.box.yMin >= word.box.yMax { break }
                guard other.line != word.line, let overlap = word.box.intersection(other.box),
                      overlap.width > 1, overlap.height > min(word.box.height, other.box.height) / 3 else { continue }
                found.append("\"\(word.text)\" overlaps \"\(other.text)\" at x \(rounded(overlap.xMin)), y \(rounded(overlap.yMin)) pt")
            }
        }
        return found
    }

    private static func rounded(_ value: Double) -> String { String(format: "%.0f", value) }
}
