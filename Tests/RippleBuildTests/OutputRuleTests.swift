import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// The rule for what may be written: `ripple build` replaces only a missing path, an empty folder or a folder
/// Ripple wrote; `ripple report` and `ripple guide` never write onto a folder or one of the site's files.
@Suite struct OutputRuleTests {
    private static let config = "title: T\nguide:\n  pdf: never\n"

    private func refusal(_ output: URL, _ site: TestSite) -> String? {
        do throws(DiagnosticError) {
            try OutputFolder.check(output, source: site.root)
            return nil
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func buildRefusesAnythingItDoesNotOwn() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n", "notes.txt": "mine",
                                        "theirs/a.txt": "a"])
        let root = site.root.path
        let overwrite = "would overwrite the site's own files\n  hint: choose an output folder outside content/ and templates/, such as 'public'"
        #expect(refusal(site.root.appending(path: "notes.txt"), site)
                == "error: the output '\(root)/notes.txt' is a file, not a folder, and a build would replace it\n  hint: choose a folder for the site with --output, such as 'public'")
        #expect(refusal(site.root.appending(path: "ripple.yaml"), site)?.contains("is a file, not a folder") == true)
        #expect(refusal(site.root.appending(path: "theirs"), site)?.contains("is not empty and was not written by Ripple") == true)
        #expect(refusal(site.root, site) == "error: the output folder '\(root)' " + overwrite)
        #expect(refusal(site.root.deletingLastPathComponent(), site)?.hasSuffix(overwrite) == true)
        #expect(refusal(site.root.appending(path: "content"), site)?.hasSuffix(overwrite) == true)
        #expect(refusal(site.root.appending(path: "content/out"), site)?.hasSuffix(overwrite) == true)
        #expect(refusal(site.root.appending(path: "templates"), site)?.hasSuffix(overwrite) == true)
        // The site reached through a link is still the site.
        let link = site.root.deletingLastPathComponent().appending(path: "link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site.root)
        defer { try? FileManager.default.removeItem(at: link) }
        #expect(refusal(link.appending(path: "content"), site)?.hasSuffix(overwrite) == true)
        // What it accepts: a missing path, an empty folder, a folder it wrote, a folder named like content.
        try FileManager.default.createDirectory(at: site.root.appending(path: "empty"), withIntermediateDirectories: true)
        try site.write("owned/\(StagedOutput.marker)", "index.html")
        try site.write("owned/index.html", "old")
        for name in ["public", "empty", "owned", "contents", "nested/missing"] {
            #expect(refusal(site.root.appending(path: name), site) == nil, "\(name)")
        }
    }

    @Test func aRefusedBuildTouchesNothing() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n", "notes.txt": "mine"])
        let before = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(throws: DiagnosticError.self) {
            try SiteBuilder(source: site.root, output: site.root.appending(path: "notes.txt")).build()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == before)
        #expect(try String(contentsOf: site.root.appending(path: "notes.txt"), encoding: .utf8) == "mine")
    }

    private func singleFileRefusal(_ path: String, _ site: TestSite) -> String? {
        do throws(DiagnosticError) {
            try SingleFileOutput(path: path, source: site.root).check()
            return nil
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func singleFilesAreNeverTheSitesOwnFilesNorAFolder() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n",
                                        "templates/layouts/page.mustache": "x"])
        let root = site.root.path
        let own = "is one of the site's own files, and writing there would replace it\n  hint: choose a file outside content/ and templates/ with --output"
        #expect(singleFileRefusal(root + "/content/index.md", site) == "error: the output '\(root)/content/index.md' " + own)
        #expect(singleFileRefusal(root + "/content/new.html", site)?.hasSuffix(own) == true)
        #expect(singleFileRefusal(root + "/templates/layouts/page.mustache", site)?.hasSuffix(own) == true)
        #expect(singleFileRefusal(root + "/ripple.yaml", site)?.hasSuffix(own) == true)
        #expect(singleFileRefusal(root + "/content/../ripple.yaml", site)?.hasSuffix(own) == true)
        #expect(singleFileRefusal(root + "/content", site)
                == "error: the output '\(root)/content' is a folder, not a file\n  hint: give --output the path of a file to write, not of a folder")
        #expect(singleFileRefusal(root + "/report.html", site) == nil)
        #expect(singleFileRefusal(root + "/public/report.html", site) == nil)
    }
}
