import Foundation
import Testing
@testable import RippleBuild
import RippleCore
#if canImport(Glibc)
import Glibc
#endif

/// `ripple report` and `ripple guide` replace their file in one step: a failure leaves the old file whole.
@Suite struct SingleFileOutputTests {
    @Test func replacesTheFileWholeAndLeavesNoTemporaryFile() throws {
        let site = try TestSite(files: ["ripple.yaml": "title: T\n", "report.html": "old report"])
        let target = site.root.path + "/report.html"
        chmod(target, 0o600)
        try SingleFileOutput(path: target, source: site.root).write(Array("new report".utf8))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new report")
        var info = stat()
        #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o600, "keeps the permissions of the file it replaces")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["report.html", "ripple.yaml"])
    }

    @Test func aFullDiskLeavesTheOldFileIntact() throws {
        let site = try TestSite(files: ["ripple.yaml": "title: T\n", "report.html": "old report"])
        let target = site.root.path + "/report.html"
        // Writes the first 4 bytes, then fails as a full disk does.
        let fullDisk: SingleFileOutput.Writer = { descriptor, bytes in
            if lseek(descriptor, 0, SEEK_CUR) >= 4 { errno = ENOSPC; return -1 }
            return Glibc.write(descriptor, bytes.baseAddress, min(bytes.count, 4))
        }
        #expect {
            try SingleFileOutput(path: target, source: site.root).write(Array(repeating: 65, count: 100_000), writer: fullDisk)
        } throws: { error in
            (error as? DiagnosticError)?.description
                == "error: cannot write '\(target)': No space left on device\n  hint: free some disk space, or choose another --output; a file already at '\(target)' was left as it was"
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["report.html", "ripple.yaml"])
    }

    @Test func aMissingFolderSaysWhatToDo() throws {
        let site = try TestSite(files: ["ripple.yaml": "title: T\n"])
        #expect {
            try SingleFileOutput(path: site.root.path + "/missing/q3.html", source: site.root).write([1])
        } throws: { error in
            (error as? DiagnosticError)?.description
                == "error: cannot write '\(site.root.path)/missing/q3.html': No such file or directory\n  hint: check that the folder exists and is writable, or choose another --output"
        }
    }
}
