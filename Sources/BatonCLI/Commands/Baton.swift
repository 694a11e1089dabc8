import ArgumentParser

/// The `baton` command: a team journal in plain git, for teams that work asynchronously.
public struct Baton: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "baton",
        abstract: "A team journal in plain git: daily notes, tasks and asks for async teams.",
        discussion: """
            Everything lives in a git repository ("the journal") as Markdown files. Every change is \
            committed at once; `baton sync` exchanges work with the team's remote.

            A day with baton:
              baton inbox                       what waits for you
              baton standup                     what the others wrote
              baton note "fixed the retry bug"  a bullet in today's note
              baton task block k7q --reason "waiting on keys"
              baton ask tom "review #42?" --within 24h
              baton task assign k7q tom --note "migrations done, backfill left"
              baton sync                        deliver and receive

            Dates: today, yesterday, monday, 2026-11-24, 3d. Durations: 24h, 36h, 2d.

            Shell completions (subcommands, task ids, handles) and this help as a man page: `make install` \
            puts them where bash, zsh, fish and man look (README, Install); a script alone: \
            baton --generate-completion-script bash|zsh|fish

            Exit codes: 0 ok, 1 failure, 64 usage, 65 unreadable file, 66 unknown id, 67 ambiguous id, \
            69 remote unreachable (work kept), 73 folder not empty, 74 remote history rewritten, \
            75 busy, 76 push refused, 77 authentication or host key, 78 setup (no journal, handle, \
            editor or remote).
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Clone.self, Note.self, TaskCommand.self, Ask.self, Reply.self, Inbox.self, Standup.self,
            Sync.self, Status.self, Digest.self, Stats.self, History.self, Log.self, Site.self, MemberCommand.self,
            Check.self, Search.self, Away.self, Remind.self,
        ]
    )

    /// `-C PATH` and `--no-pager` before the command: `run(arguments:)` takes them off as git does (see
    /// `leadingOptions`); declared here too, so help, the man page and the completion scripts know them.
    @OptionGroup var folder: WorkingFolder
    @OptionGroup var pager: PagerOption

    public init() {}
}
