import ArgumentParser
import JournalModel
import JournalReports
import JournalSync

struct Standup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup", abstract: "Print the team's notes for a day.")

    @OptionGroup var options: JournalOptions
    @Option(parsing: .unconditional, help: "The day: today (default), yesterday, monday, 2026-11-24, 3d.")
    var date: String?
    @Option(help: "Only this person's note.") var member: String?
    @Flag(help: "Print Markdown.") var markdown = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let day = try options.day(date, direction: .past, journal: journal)
            let only = try member.map { try Handle($0).value }
            let notes = journal.notes(on: day, unreadable: { Output.skipped("skipped \($0.path): \($0.message)") })
                .filter { only == nil || $0.author == only }
            let clock = ReaderClock(zone: try options.zone(), authors: AuthorClock(config: journal.config))
            let standup = JournalReports.Standup(day: day, notes: notes.map { ($0.author, $0.note) }, clock: clock)
            Output.line(standup.text(style: Output.style, markdown: markdown))
        }
    }
}
