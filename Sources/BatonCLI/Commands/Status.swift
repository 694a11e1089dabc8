import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show unpushed commits, uncommitted hand edits and the last sync.")

    @OptionGroup var options: JournalOptions

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let status = try journal.status()
            HandEditWarnings.warn(journal, paths: status.handEditedPaths, committed: false)
            let zone = try options.zone()
            var lines: [String] = []
            lines.append("Journal: \(journal.root)" + (journal.me.map { " (you are \($0))" } ?? ""))
            lines.append("Remote:  \(status.remote ?? "none (add one with `git remote add origin URL`)")")
            let count = status.unpushedTruncated ? "More than \(status.unpushed.count)" : "\(status.unpushed.count)"
            lines.append("\(count) commit(s) not pushed" + (status.unpushed.isEmpty ? "" : ":"))
            lines += status.unpushed.prefix(20).map { "  \($0)" }
            if status.unpushed.count > 20 {
                let more = (status.unpushedTruncated ? "at least " : "") + "\(status.unpushed.count - 20)"
                lines.append("  ... and \(more) more")
            }
            if status.unintegrated > 0 { lines.append("\(status.unintegrated) fetched commit(s) not merged yet") }
            lines.append(
                "\(status.handEdits.count) uncommitted hand edit(s)"
                    + (status.handEdits.isEmpty ? "" : " (`baton sync` commits them):"))
            lines += status.handEdits.map { "  \($0)" }
            func when(_ date: Date?) -> String {
                date.map { Timestamp(date: $0, in: zone).rendered(in: zone) } ?? "never"
            }
            lines.append("Last successful sync: \(when(status.sync.lastSuccess))")
            if let error = status.sync.lastError {
                lines.append("Last sync failed (\(when(status.sync.lastAttempt))): \(error)")
            }
            // Commit summaries, file names and the last error can hold teammates' bytes.
            Output.line(lines.map { TerminalText.clean($0, keepNewlines: false) }.joined(separator: "\n"))
        }
    }
}
