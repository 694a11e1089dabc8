import ArgumentParser
import JournalSync

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Commit pending edits, fetch, merge and push.",
        discussion: """
            Works offline too: when the remote cannot be reached it says so, keeps every local commit,
            and exits with code 69; the next sync delivers them.
            """)

    @OptionGroup var options: JournalOptions

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let report = try journal.sync(options: Runtime.remoteOptions(progressLabel: "Syncing"))
            Output.line("Synced: \(report.summary)")
        }
    }
}
