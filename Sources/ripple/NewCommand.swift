import ArgumentParser
import Foundation
import RippleBuild

/// `ripple new DIR`: starts a working site.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site: ripple.yaml, a starter guide, one page, the default theme and sample data.")

    @Argument(help: "The folder to create.")
    var folder: String

    @Option(name: .long, help: "The site's title.")
    var title: String = "Mentoring"

    @Flag(name: .customLong("no-data"), help: "Make a guide-only site without sample program data.")
    var noData = false

    @Flag(help: "Write into a folder that is not empty (existing files with the same names are replaced).")
    var force = false

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        if !existing.isEmpty, !force {
            Console.printError("error: '\(folder)' is not empty\n  hint: choose a new folder, or pass --force to write into it anyway")
            throw ExitCode(1)
        }
        let files = SiteScaffold(title: title, includeData: !noData).files()
        for file in files {
            let url = root.appending(path: file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        print("Created a new site in \(folder) (\(files.count) files). Next:")
        print("  ripple serve --source \(folder)     # preview with live reload")
        print("  ripple build --source \(folder)     # write the site into public/")
    }
}
