/// Where a run of lines of a page's Markdown comes from, once included files are put in (see `IncludeExpander`):
/// line `line` of the Markdown body is line `fileLine` of `file`, and so on until the next run.
package struct SourceLineRun: Sendable, Hashable {
    /// The run's first line in the Markdown body (1-based).
    package var line: Int
    /// The file the lines are from, relative to the site folder.
    package var file: String
    /// The line of `file` the run starts at (1-based).
    package var fileLine: Int

    /// Creates a run.
    package init(line: Int, file: String, fileLine: Int) {
        self.line = line
        self.file = file
        self.fileLine = fileLine
    }
}
