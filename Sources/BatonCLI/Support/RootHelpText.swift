// The text of this file's string is generated: `BATON_UPDATE_ROOT_HELP=1 swift test --filter RootHelpTests`
// writes it again from the command definitions (RootHelpTests fails while it differs from them).

extension Baton {
    /// `baton --help` as ArgumentParser renders it 80 columns wide (the width without a terminal, and a
    /// common terminal's), kept as text: rendering it takes ArgumentParser a few milliseconds of reflection
    /// over the command definitions, a quarter of `baton --help`'s time. Other widths are rendered.
    static let rootHelpAt80Columns = #"""
        OVERVIEW: A team journal in plain git: daily notes, tasks and asks for async
        teams.

        Everything lives in a git repository ("the journal") as Markdown files. Every
        change is committed at once; `baton sync` exchanges work with the team's
        remote.

        A day with baton:
          baton inbox                       what waits for you
          baton standup                     what the others wrote
          baton note "fixed the retry bug"  a bullet in today's note
          baton task block k7q --reason "waiting on keys"
          baton ask tom "review #42?" --within 24h
          baton task assign k7q tom --note "migrations done, backfill left"
          baton sync                        deliver and receive

        Dates: today, yesterday, monday, 2026-11-24, 3d. Durations: 24h, 36h, 2d.

        Shell completions (subcommands, task ids, handles) and this help as a man page:
        `make install` puts them where bash, zsh, fish and man look (README, Install);
        a script alone: baton --generate-completion-script bash|zsh|fish

        Exit codes: 0 ok, 1 failure, 64 usage, 65 unreadable file, 66 unknown id, 67
        ambiguous id, 69 remote unreachable (work kept), 73 folder not empty, 74 remote
        history rewritten, 75 busy, 76 push refused, 77 authentication or host key, 78
        setup (no journal, handle, editor or remote).

        USAGE: baton [-C <path>] [--no-pager] <subcommand>

        OPTIONS:
          -C <path>               Run as if baton was started in <path>.
          --no-pager              Print straight to stdout, not through $PAGER.
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          init                    Create a new journal.
          clone                   Clone the team's journal.
          note                    Add to your daily note.
          task                    Create, hand on and close tasks.
          ask                     Ask a teammate for something, with a time to answer
                                  by.
          reply                   Answer an ask (or comment on a task).
          inbox                   What waits for you: asks to you, hand-offs, your
                                  blocked and soon-due tasks, answers, mentions.
          standup                 Print the team's notes for a day, or what arrived
                                  since you last looked.
          sync                    Commit pending edits, fetch, merge and push.
          status                  Show unpushed commits, uncommitted hand edits and the
                                  last sync.
          digest                  What the team did in a period, and what needs
                                  attention.
          stats                   How the team keeps its response windows: asks,
                                  answers, participation, blockers.
          history                 A task's timeline from the git history.
          log                     The team's history, one line per change.
          site                    Write a static HTML dashboard into a folder.
          member                  Keep the team roster (members: in baton.yml).
          check                   List every task, note or baton.yml that baton cannot
                                  read, with the line at fault.
          search                  Find words in notes, tasks, asks and their logs.
          away                    Mark time away, so asks wait for you and missing
                                  notes do not count.
          remind                  Print what is new for you and which ask windows are
                                  closing, once each; for cron or a prompt.

          See 'baton help <subcommand>' for detailed help.
        """#
}
