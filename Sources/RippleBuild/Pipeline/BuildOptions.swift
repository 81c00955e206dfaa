import Foundation

/// What a build is asked to do, set by the command that starts it (`ripple build`, `ripple serve`, tests).
package struct BuildOptions: Sendable {
    /// The pure stage's options.
    package var assembler: SiteAssembler
    /// Check every link of the generated site before it is committed (`--no-link-check` turns it off).
    package var checkLinks = true
    /// Called with a line to show before a long step (making the guide's PDF); the CLI prints it.
    package var progress: (@Sendable (String) -> Void)?
    /// Make the guide's PDF; `ripple serve` turns it off, since WeasyPrint takes seconds (a note says so once).
    package var makePDF = true
    /// Keep the guide downloads (EPUB, print edition) as they are when they exist and may be out of date, and
    /// say so in the report (`deferredDownloads`) instead of making them again: `ripple serve` shows the saved
    /// pages first and makes the downloads when the author pauses, since a large guide's EPUB takes seconds.
    /// Their links are checked when they are made. Only builds that remember an earlier one can defer.
    package var defersGuideDownloads = false
    /// List the site's external links in the report (`ripple check` prints them; a preview has no use for a
    /// list that names most pages of a large guide).
    package var listsExternalLinks = true
    /// Paths (relative to the site folder) a file watcher saw change since the previous build with the same
    /// state (`ripple serve`); the loader then looks only at those. Nil: look at every file.
    package var changedPaths: Set<String>?
    /// Where to write the program data the build read, as CSV (`--data-snapshot`), after a successful build.
    package var dataSnapshot: URL?

    /// Options with the given assembler and everything else at its default.
    package init(assembler: SiteAssembler = SiteAssembler()) {
        self.assembler = assembler
    }
}
