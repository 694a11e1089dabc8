import ArgumentParser
import JournalModel
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
            """)

    @OptionGroup var options: JournalOptions
    @Flag(help: "Keep syncing until stopped.") var watch = false
    @Flag(help: "Merge local work into a remote history that was rewritten (force-pushed).") var acceptRewrite = false
    @Option(help: "With --watch: time between syncs (30s, 5m, 1h).") var interval: String = "5m"

    func validate() throws {
        _ = try Self.seconds(interval)
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
