import ArgumentParser

/// The `ripple` command: builds a mentoring program's intranet site, guide and reports.
@main
struct Ripple: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ripple",
        abstract: "Build a mentoring program's intranet site, downloadable guide and quarterly reports.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ReportCommand.self, NewCommand.self, ImportCommand.self, GuideCommand.self, ServeCommand.self, SampleDataCommand.self,
                      MatchCommand.self, FollowUpCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
