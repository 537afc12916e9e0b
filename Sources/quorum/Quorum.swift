import ArgumentParser

/// `quorum`: builds council committee papers and a recruitment site from a content folder.
@main
struct Quorum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Build committee papers, workforce reports and a recruitment site from a content folder.",
        discussion: """
            Exit codes: 0 success; 1 errors in the content (or warnings with --strict), or a failed write;
            64 usage error, including an output folder Quorum will not replace (see --force).
            """,
        version: Quorum.version,
        subcommands: [BuildCommand.self, CheckCommand.self, AnnualCommand.self, ServeCommand.self, NewCommand.self,
                      MarkdownCommand.self, BenchmarksCommand.self, SnapshotsCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// What `quorum --version` prints; raise it with every release.
    static let version = "0.1.0"
}
