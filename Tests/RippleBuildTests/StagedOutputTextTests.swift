import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// `StagedOutput` writes text from the string's own UTF-8 bytes (no copy of a 100 MB print page): the file and its
/// stamp are those of the same bytes written as an array.
@Suite struct StagedOutputTextTests {
    @Test func textIsWrittenAsItsBytes() throws {
        let site = try TestSite(files: ["ripple.yaml": "title: T\n", "content/index.md": "# Home\n"])
        let staged = try StagedOutput(output: site.output, source: site.root)
        defer { staged.discard() }
        let text = "<p>Été — " + String(repeating: "ab", count: 5_000) + "</p>\n"
        try staged.write("a/text.html", text: text)
        try staged.write("a/bytes.html", Array(text.utf8))
        let written = try Data(contentsOf: staged.staging.appending(path: "a/text.html"))
        #expect(Array(written) == Array(text.utf8))
        #expect(staged.produced["a/text.html"] == staged.produced["a/bytes.html"])
        #expect(staged.produced["a/text.html"] == ContentHash.of(Array(text.utf8)))
        #expect(staged.changed == (files: 2, pages: 2))
    }
}
