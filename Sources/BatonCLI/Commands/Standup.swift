import ArgumentParser
import JournalModel
import JournalReports
import JournalSync

struct Standup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup", abstract: "Print the team's notes for a day, or what arrived since you last looked.",
        discussion: """
            With --new: the bullets teammates wrote that this device has not shown you yet (by any \
            standup --new before), from the day before your last look (at most 14 days back; the last 7 days \
            the first time), however late they arrived. What was shown is kept in .git/baton/ on this device, \
            never in the journal. With --member it only peeks: nothing is recorded as shown.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Option(parsing: .unconditional, help: "The day: today (default), yesterday, monday, 2026-11-24, 3d.")
    var date: String?
    @Option(help: "Only this person's note.", completion: JournalCompletion.handles) var member: String?
    @Flag(help: "Print Markdown.") var markdown = false
    @Flag(help: "Print JSON (with missing_notes and unreadable).") var json = false
    @Flag(help: "Only what arrived since your last standup --new on this device.") var new = false

    func validate() throws {
        if markdown && json { throw ValidationError("choose one of --markdown and --json") }
        if new && (date != nil || markdown) { throw ValidationError("--new does not mix with --date or --markdown") }
    }

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            if new { return try showNew(journal) }
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

    /// `--new`: the bullets not shown before on this device; records them as shown.
    func showNew(_ journal: Journal) throws {
        let me = try journal.requireMe().value
        let now = try options.now()
        let zone = try options.zone()
        let only = try member.map { try Handle($0).value }
        let state = journal.seenState()
        let today = now.localDay.adding(days: 1)
        let days = NewNotes.daysToRead(since: state.standupLookedAt, today: today, zone: zone)
        let notes = journal.recentNotes(days: days, today: today) { JournalWarnings.shared.unreadable($0) }
        var news = NewNotes(notes: notes, me: me, shown: state.standupShown, since: state.standupLookedAt)
        if let only { news.bullets.removeAll { $0.author != only } }
        // A look at one person (--member) records nothing: the others' bullets stay new.
        if only == nil {
            try journal.updateSeenState { state in
                state.standupShown = news.keys
                state.standupLookedAt = now.date
            }
        }
        if json {
            Output.line(try news.json(zone: zone))
        } else {
            pager.show(news.text(zone: zone, days: days, style: Output.style))
        }
    }
}
