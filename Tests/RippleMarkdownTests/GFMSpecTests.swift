import Foundation
import RippleMarkdown
import Testing

/// The examples of the GitHub Flavored Markdown spec for the extensions Ripple adds over cmark (GFMSpec/).
@Suite("GFM spec") struct GFMSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var section: String
        var number: Int
        var markdown: String
        var html: String
        var testDescription: String { "\(section) #\(number)" }
    }

    static let examples: [Example] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("GFMSpec/extensions.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = "", lines: [String]? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ") { section = String(line.dropFirst(2)) }
            if line.hasPrefix(fence + " example") { lines = []; continue }
            if line == fence, let body = lines {
                let split = body.firstIndex(of: ".") ?? body.count
                let markdown = body[..<split].map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                let html = body[min(split + 1, body.count)...].map { $0 + "\n" }.joined()
                examples.append(Example(section: section, number: examples.count + 1, markdown: markdown, html: html))
                lines = nil
                continue
            }
            lines?.append(String(line))
        }
        return examples
    }()

    @Test(arguments: examples) func example(_ example: Example) {
        let renderer = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false))
        var html = renderer.render(example.markdown, file: "spec.md").html
        // Ripple wraps a table in a scrolling region, makes code blocks focusable (they scroll too) and aligns
        // cells with a class (the EPUB's XHTML has no `align` attribute); the spec has none of these.
        html = html.replacingOccurrences(of: "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">\n", with: "")
            .replacingOccurrences(of: "</table>\n</div>", with: "</table>")
            .replacingOccurrences(of: "<pre tabindex=\"0\"><code", with: "<pre><code")
        for side in ["left", "center", "right"] {
            html = html.replacingOccurrences(of: " class=\"align-\(side)\"", with: " align=\"\(side)\"")
        }
        #expect(html == example.html)
    }

    @Test func examplesAreRead() {
        #expect(Set(Self.examples.map(\.section)) == ["Tables (extension)", "Strikethrough (extension)"])
        #expect(Self.examples.count == 11)
    }
}
