import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask a teammate for something, with a time to answer by.",
        discussion: """
            Prints the ask's id. The window defaults to baton.yml's ask_window_hours and counts the \
            working days of the person asked, in their zone (workdays and zone from the roster, else \
            baton.yml): 24h asked Friday 17:05 falls due Monday 17:05. --calendar counts every hour \
            instead.

            Days they marked away (baton away) do not count either way: asking someone who is \
            away says so, and the window starts when they are back (--start-now counts from now).
            """)

    @OptionGroup var options: JournalOptions
    @Argument(help: "Who you ask.", completion: JournalCompletion.handles) var handle: String
    @Argument(help: "What you ask for.") var text: [String]
    @Option(help: "Answer window: 24h, 36h, 2d.") var within: String?
    @Flag(help: "Count the window in wall-clock hours, weekends and days off included.") var calendar = false
    @Flag(help: "Start the window now even if they are away.") var startNow = false
    @Flag(help: "Allow a handle not on the roster (a newcomer).") var force = false

    func run() throws {
        try reportingErrors {
            let person = try Handle(handle)
            let window = try within.map(DateExpression.parseDuration)
            let body = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { throw CLIError.usage("say what you ask for: baton ask tom \"review #42?\"") }
            let journal = try options.openJournal()
            try journal.checkMember(person, today: try options.now().localDay, force: force)
            let now = try options.now()
            let ask = try journal.ask(
                person, text: body, within: window, clock: calendar ? .calendar : .working, ignoringAway: startNow,
                at: now)
            Output.line(ask.id)
            if let respondBy = ask.respondBy { tellAway(person.value, journal: journal, now: now, until: respondBy) }
        }
    }
}

extension Ask {
    /// Tells the asker, on stderr, of the recipient's time away between now and the window's end.
    private func tellAway(_ person: String, journal: Journal, now: Timestamp, until respondBy: Timestamp) {
        let calendar = journal.workCalendar()
        let zone = calendar.zone(of: person)
        let window = AwayPeriod(
            from: LocalDay(date: now.date, in: zone), until: LocalDay(date: respondBy.date, in: zone))
        guard let period = calendar.away[person]?.filter({ $0.overlaps(window) }).min() else { return }
        let note = period.note.map { " (\($0))" } ?? ""
        let shown = (try? options.zone()).map { respondBy.rendered(in: $0) } ?? respondBy.description
        if startNow {
            Output.note("baton: \(person) is away \(AwayView.days(period))\(note); the window counts from now anyway")
        } else if period.contains(window.from) {
            Output.note(
                "baton: \(person) is away until \(AwayView.days(AwayPeriod(from: period.until, until: period.until)))"
                    + "\(note): the window starts when they are back, respond by \(shown) (--start-now counts from now)"
            )
        } else {
            Output.note(
                "baton: \(person) is away \(AwayView.days(period))\(note): the window skips those days, "
                    + "respond by \(shown)")
        }
    }
}

struct Reply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Answer an ask (or comment on a task).")

    @OptionGroup var options: JournalOptions
    @Argument(help: "The ask's id or a unique prefix.", completion: JournalCompletion.asks) var id: String
    @Argument(help: "Your answer.") var text: [String]
    @Flag(help: "Also mark the ask done.") var done = false
    @OptionGroup var attach: AttachOption

    func run() throws {
        try reportingErrors {
            let body = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { throw CLIError.usage("say what your answer is: baton reply ID \"here it is\"") }
            let journal = try options.openJournal()
            let ask = try journal.reply(
                id, text: body, done: done, at: try options.now(), attachments: try attach.checked())
            Output.line("Replied to \(ask.id)" + (done ? " and closed it" : ""))
            MentionCheck.warnUnknown(in: body, journal: journal, today: try options.now().localDay)
        }
    }
}
