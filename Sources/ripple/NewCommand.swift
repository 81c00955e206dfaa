import ArgumentParser
import Foundation
import RippleBuild
import RippleCore

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
        let count: Int
        do throws(DiagnosticError) {
            count = try SiteScaffold(title: title, includeData: !noData)
                .write(into: URL(fileURLWithPath: folder), shownAs: folder, force: force)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        print("Created a new site in \(folder) (\(count) files). Next:")
        print("  ripple serve --source \(folder)     # preview with live reload")
        print("  ripple build --source \(folder)     # write the site into public/")
    }
}
