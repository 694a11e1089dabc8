import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How the team keeps its response windows: asks, answers, participation, blockers.",
        discussion: """
            For the period, per person asked and for the team: asks received, answered, answered within \
            their window, the median and 90th percentile (nearest rank) of the time to first answer, and \
            asks still waiting past their window; each person's working days with a note; how long \
            blockers stayed open. The formulas are in docs/FORMAT.md ("Measures").

            The period is the digest's: this week so far, or last week on a Monday; --since/--until, \
            --week or --last-week pick another.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var period: PeriodOptions
    @Option(
        help: "Only this person (as responder, note writer and blocked task owner).",
        completion: JournalCompletion.handles) var member: String?
    @Flag(help: "JSON (README's \"JSON output\").") var json = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let input = try ReadingSupport.digestInput(
                journal: journal, options: options, period: period.period, member: member, staleDays: nil)
            let digest = JournalReports.Digest(input)
            Output.line(json ? try digest.statsJSON() : digest.statsText(style: Output.style))
        }
    }
}
