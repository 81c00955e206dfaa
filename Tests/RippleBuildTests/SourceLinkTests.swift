import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// The rule for what may be read: no symbolic link under content/ or templates/, whatever it points to.
@Suite struct SourceLinkTests {
    private static let config = "title: T\nguide:\n  pdf: never\n"

    private func loadErrors(_ site: TestSite) -> [String] {
        do {
            _ = try SiteLoader(root: site.root).load()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func everyLinkIsRefusedWithWhereItPoints() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n",
                                        "content/data/participants.csv": "id,email\n1,a@example.org\n"])
        let fm = FileManager.default
        let root = site.root.path
        try fm.createSymbolicLink(atPath: root + "/content/people.csv", withDestinationPath: "data/participants.csv")
        try fm.createSymbolicLink(atPath: root + "/content/passwd.txt", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: root + "/content/private", withDestinationPath: "data")
        try fm.createSymbolicLink(atPath: root + "/content/gone.png", withDestinationPath: "nowhere.png")
        try fm.createDirectory(atPath: root + "/templates/assets", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/templates/assets/x.css", withDestinationPath: "/etc/hostname")
        let hint = "\n  hint: replace the link with a copy of what it points to, if that is meant to be published"
        #expect(loadErrors(site) == [
            "content/gone.png: error: is a symbolic link (to 'nowhere.png', which does not exist), and Ripple does not follow links" + hint,
            "content/passwd.txt: error: is a symbolic link (to '/etc/passwd', outside the site folder), and Ripple does not follow links" + hint,
            "content/people.csv: error: is a symbolic link (to 'content/data/participants.csv'), and Ripple does not follow links" + hint,
            "content/private: error: is a symbolic link (to 'content/data'), and Ripple does not follow links" + hint,
            "templates/assets/x.css: error: is a symbolic link (to '/etc/hostname', outside the site folder), and Ripple does not follow links" + hint,
        ])
    }

    @Test func aLinkedContentFolderIsRefusedToo() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "elsewhere/index.md": "# Home\n"])
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content", withDestinationPath: "elsewhere")
        #expect(loadErrors(site) == [
            "content: error: is a symbolic link (to 'elsewhere'), and Ripple does not follow links\n  hint: replace the link with a copy of what it points to, if that is meant to be published",
        ])
    }

    @Test func aLinkAddedWhileServingIsRefused() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n",
                                        "content/data/participants.csv": "id\n1\n"])
        let memo = FileMemo()
        _ = try SiteLoader(root: site.root, memo: memo).load()
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content/people.csv", withDestinationPath: "data/participants.csv")
        #expect(throws: DiagnosticError.self) {
            try SiteLoader(root: site.root, memo: memo, changed: ["content/people.csv"]).load()
        }
    }

    @Test func theOutputNeverHoldsALinkEvenIfOneIsSwappedInAfterLoading() throws {
        // The copy reads without following links: a link that replaced a loaded file is refused, not copied.
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n"])
        let staged = try StagedOutput(output: site.output, source: site.root)
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content/x.txt", withDestinationPath: "/etc/passwd")
        #expect(throws: DiagnosticError.self) { try staged.copy(from: "content/x.txt", to: "x.txt") }
        try site.write("content/y.txt", "plain")
        try staged.copy(from: "content/y.txt", to: "y.txt")
        var info = stat()
        #expect(lstat(staged.staging.path + "/y.txt", &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        staged.discard()
    }
}
