import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// `ripple new`: a file in the way, or a failing file system, is a diagnostic, never a raw error.
@Suite struct SiteScaffoldWriteTests {
    private func refusal(_ folder: URL, shownAs: String, force: Bool = false) -> String? {
        do throws(DiagnosticError) {
            _ = try SiteScaffold(includeData: false).write(into: folder, shownAs: shownAs, force: force)
            return nil
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func writesANewSiteAndRefusesWhatIsInTheWay() throws {
        let site = try TestSite(files: ["taken": "a file", "full/notes.txt": "mine", "blocked/content": "a file"])
        #expect(refusal(site.root.appending(path: "taken"), shownAs: "taken")
                == "error: 'taken' is a file, not a folder\n  hint: choose a name that is not taken for the new site's folder")
        #expect(refusal(site.root.appending(path: "full"), shownAs: "full")
                == "error: 'full' is not empty\n  hint: choose a new folder, or pass --force to write into it anyway")
        #expect(refusal(site.root.appending(path: "blocked"), shownAs: "blocked", force: true)
                == "error: cannot write 'blocked/content/guide/01-welcome.md': Not a directory\n  hint: check that the folder is writable and the disk is not full, or choose another folder")
        #expect(refusal(site.root.appending(path: "taken/site"), shownAs: "taken/site")
                == "error: cannot write 'taken/site/.gitignore': Not a directory\n  hint: check that the folder is writable and the disk is not full, or choose another folder")
        #expect(try String(contentsOf: site.root.appending(path: "taken"), encoding: .utf8) == "a file")
        #expect(refusal(site.root.appending(path: "a/b/new"), shownAs: "a/b/new") == nil)
        #expect(FileManager.default.fileExists(atPath: site.root.appending(path: "a/b/new/ripple.yaml").path))
        #expect(refusal(site.root.appending(path: "full"), shownAs: "full", force: true) == nil)
    }
}
