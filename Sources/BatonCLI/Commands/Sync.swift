import ArgumentParser
import JournalModel
import JournalReports
import JournalSync

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit pending edits, fetch, merge and push.",
        discussion: """
            Works offline too: when the remote cannot be reached it says so, keeps every local commit, \
            and exits with code 69; the next sync delivers them.

            With --watch it keeps running: it syncs about a second after each local change and every \
            interval, backs off while the remote is unreachable, logs one line per sync, and stops \
            cleanly on Ctrl-C (SIGINT) or SIGTERM.

            It also prints one line when something new arrives for \
            you (an ask, a hand-off, a mention, an answer) and when an ask to you or one of yours nears its \
            window (--soon: 25% of it left by default, or 2h), each once per device, as baton remind does.

            --notify also shows them as desktop notifications ($BATON_NOTIFY, else \
            notify-send when it is installed).
            """)

    @OptionGroup var options: JournalOptions
    @Flag(help: "Keep syncing until stopped.") var watch = false
    @Flag(help: "Merge local work into a remote history that was rewritten (force-pushed).") var acceptRewrite = false
    @Option(help: "With --watch: time between syncs (30s, 5m, 1h).") var interval: String = "5m"
    @Flag(help: "With --watch: also show each nudge as a desktop notification.") var notify = false
    @Option(help: "With --watch: when an ask window counts as closing (25% of it left, or 2h before).")
    var soon = "25%"

    func validate() throws {
        _ = try Self.seconds(interval)
        guard ClosingRule(soon) != nil else { throw ValidationError("bad --soon '\(soon)'; use 25% or 2h") }
        if notify && !watch { throw ValidationError("--notify goes with --watch (or use baton remind --notify)") }
    }

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let remote = Runtime.remoteOptions(progressLabel: "Syncing")
            guard watch else {
                let report = try journal.sync(options: remote, acceptRewrite: acceptRewrite) { paths in
                    HandEditWarnings.warn(journal, paths: paths, committed: true)
                }
                for dropped in report.droppedPaths {
                    Output.note("baton: warning: " + dropped.warning)
                }
                Output.plain("Synced: \(report.summary)")
                return
            }
            let stop = StopSignal()
            let watcher = SyncWatcher(journal: journal, interval: try Self.seconds(interval), options: remote) { line in
                Output.plain(line)
            }
            if let me = journal.me?.value {
                let notifier = notify ? Notifier() : nil
                if notify, notifier?.command == nil { Output.note(Notifier.missing) }
                let teller = NudgeTeller(
                    journal: journal, me: me, zone: try options.zone(), rule: ClosingRule(soon) ?? .quarter,
                    notifier: notifier)
                watcher.check = {
                    guard let now = try? options.now(), let nudges = try? teller.untold(now: now) else { return }
                    teller.tell(nudges, prefix: SyncWatcher.stamp() + " ")
                }
            }
            Output.line("Watching \(journal.root); Ctrl-C stops.")
            watcher.run(shouldStop: { stop.isStopped })
        }
    }

    /// Seconds in `30s`, `5m`, `1h`, `1d`.
    static func seconds(_ text: String) throws -> Double {
        if text.hasSuffix("s"), let n = Double(text.dropLast()), n > 0 { return n }
        do {
            return try DateExpression.parseDuration(text)
        } catch {
            throw ValidationError("bad --interval '\(text)'; use 30s, 5m, 1h")
        }
    }
}
