import ArgumentParser
import Foundation
import RippleBuild
import RippleCore

/// `ripple import mdbook|hugo|folder SRC DEST`: makes a Ripple site from an existing book or docs section.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a Ripple site from an mdBook, a Hugo docs section or a folder of Markdown.",
        discussion: """
            mdbook: SRC holds book.toml; SUMMARY.md gives the order, parts and nesting, {{#include}} is expanded.
            hugo, folder: SRC holds the Markdown; files in name order, each subfolder a part (its _index.md,
            index.md or README.md opens it). Links between chapters are rewritten to the new files and the images
            and files they link are copied. What could not be carried over is listed at the end.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case mdbook, hugo, folder }

    @Argument(help: "What SRC is: mdbook, hugo or folder.")
    var kind: Kind

    @Argument(help: "The book's folder.")
    var source: String

    @Argument(help: "The folder to create for the new site.")
    var destination: String

    @Option(name: .long, help: "The site's title (hugo, folder; an mdBook's comes from book.toml).")
    var title: String = "Guide"

    @Flag(help: "Write into a folder that is not empty (existing files with the same names are replaced).")
    var force = false

    func run() throws {
        var files: [String: [UInt8]] = [:]
        for entry in FolderWalk.files(in: source) where !entry.isLink {
            if let bytes = FolderWalk.read(entry.path) { files[entry.relative] = bytes }
        }
        guard !files.isEmpty else {
            Console.report([.error("'\(source)' is empty or is not a folder", hint: "give the folder that holds the book")])
            throw ExitCode(1)
        }
        let site: ImportedSite
        let count: Int
        do throws(DiagnosticError) {
            site = kind == .mdbook ? try BookImporter.mdBook(files) : BookImporter.folder(files, title: title)
            count = try SiteScaffold.write(site.files, into: URL(fileURLWithPath: destination), shownAs: destination, force: force)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        print("Imported \(site.files.filter { $0.path.hasPrefix("content/guide/") && $0.path.hasSuffix(".md") }.count) chapters into \(destination) (\(count) files).")
        if !site.notes.isEmpty {
            let kinds = ImportNotes.grouped(site.notes)
            print("Not carried over (\(site.notes.count) in \(kinds.count) \(kinds.count == 1 ? "kind" : "kinds")):")
            for kind in kinds { print("  - " + kind) }
        }
        print("Next: ripple build --source \(destination)")
    }
}
