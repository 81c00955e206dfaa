import Foundation
import RippleCore
import Testing
@testable import RippleBuild

/// The private folder of `ripple match` and `ripple followup` stays out of the published output.
@Suite struct PrivateFolderTests {
    static func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appending(path: "content"), withIntermediateDirectories: true)
        return root
    }

    @Test func refusesAFolderInsideTheOutputFolderOrTheSources() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appending(path: "public")
        for inside in ["public/private", "public", "content/private"] {
            let folder = PrivateFolder(path: root.appending(path: inside).path, source: root, siteOutput: output)
            #expect(throws: DiagnosticError.self) { try folder.write([("x.csv", [65])]) }
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let around = PrivateFolder(path: root.path, source: root, siteOutput: output)
        let error = #expect(throws: DiagnosticError.self) { try around.check() }
        #expect(error?.diagnostics.first?.message.hasPrefix("the private folder '\(root.path)' lies inside or around the site's output folder") == true)
    }

    @Test func writesOwnerOnlyFolderBesideTheOutput() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = PrivateFolder(path: root.appending(path: "private").path, source: root, siteOutput: root.appending(path: "public"))
        try folder.write([("a.csv", Array("x\n".utf8))])
        let attributes = try FileManager.default.attributesOfItem(atPath: root.appending(path: "private").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(try String(contentsOf: root.appending(path: "private/a.csv"), encoding: .utf8) == "x\n")
    }

    @Test func buildWarnsWhenThePrivateFolderIsInsideTheOutput() {
        let root = URL(fileURLWithPath: "/tmp/site")
        #expect(PrivateFolder.buildWarning(config: SiteConfig(), source: root, output: root)?.description
                == "ripple.yaml: warning: the private folder 'private' lies inside the output folder, so the personal data of `ripple match` and `ripple followup` there would be published\n  hint: move the output folder (--output) or private_dir so that neither holds the other")
        #expect(PrivateFolder.buildWarning(config: SiteConfig(), source: root, output: root.appending(path: "public")) == nil)
    }
}
