import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a static HTML dashboard into a folder.",
        discussion: """
            Pages work from file:// with no server: a team overview (blocked, overdue, open asks, this week's \
            notes), a page per person with an activity calendar, a page per task with its timeline, and a page \
            per week. No page runs any script.
            """)

    @OptionGroup var options: JournalOptions
    @Argument(help: "The folder to write (created when missing).") var outdir: String

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let folder = Runtime.absolute(outdir)
            let journalRoot = URL(fileURLWithPath: journal.root).standardizedFileURL.path
            let target = URL(fileURLWithPath: folder).standardizedFileURL.path
            if target == journalRoot || journalRoot.hasPrefix(target + "/") {
                throw CLIError.usage("the site folder must not be the journal or contain it; pick another folder")
            }
            let count = try SiteWriter.write(
                journal: journal, to: target, zone: try options.zone(), now: try options.now(), skipped: Output.skipped)
            Output.line("Wrote \(count) files to \(target); open \(target)/index.html")
        }
    }
}
