import ArgumentParser
import JournalModel
import JournalReports
import JournalSync

struct Standup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup", abstract: "Print the team's notes for a day.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Option(parsing: .unconditional, help: "The day: today (default), yesterday, monday, 2026-11-24, 3d.")
    var date: String?
    @Option(help: "Only this person's note.", completion: JournalCompletion.handles) var member: String?
    @Flag(help: "Print Markdown.") var markdown = false
    @Flag(help: "Print JSON (with missing_notes and unreadable).") var json = false

    func validate() throws {
        if markdown && json { throw ValidationError("choose one of --markdown and --json") }
    }

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let day = try options.day(date, direction: .past, journal: journal)
            let only = try member.map { try Handle($0).value }
            let notes = journal.notes(on: day, unreadable: { JournalWarnings.shared.unreadable($0) })
                .filter { only == nil || $0.author == only }
            let clock = ReaderClock(zone: try options.zone(), authors: AuthorClock(config: journal.config))
            var standup = JournalReports.Standup(day: day, notes: notes.map { ($0.author, $0.note) }, clock: clock)
            standup.missing = MissingNotes.of(
                journal: journal, days: day...day, notes: notes.map { ($0.author, day, $0.note) },
                now: try options.now(), member: only, includeToday: true)
            standup.unreadable = JournalWarnings.shared.unreadableFiles
            if json {
                Output.line(try standup.json())
                return
            }
            pager.show(standup.text(style: Output.style, markdown: markdown))
        }
    }
}
