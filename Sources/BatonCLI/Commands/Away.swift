import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

/// `baton away`: mark, list and cancel time away (`away/<handle>.md`).
struct Away: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "away",
        abstract: "Mark time away, so asks wait for you and missing notes do not count.",
        discussion: """
              baton away --from 2026-12-21 --until 2027-01-04 --note "winter break"
              baton away --until friday        from today to Friday
              baton away --list                the team's time away, now and to come
              baton away --cancel              cancel your current (else next) time away

            Days are your local days, both included. While you are away, response windows of asks to \
            you stop counting: marking time away moves the respond-by time of your open asks, and a \
            teammate who asks you is told and gets a window that starts when you are back.

            Standup, digest and participation do not count your days away as missing notes. The \
            periods are kept in away/<handle>.md in the journal, so the team sees them after a sync.
            """)

    @OptionGroup var options: JournalOptions
    @Option(help: "First day away (default: today): 2026-12-21, monday, 3d.") var from: String?
    @Option(help: "Last day away, included.") var until: String?
    @Option(help: "A word for the team: \"conference\", \"parental leave\".") var note: String?
    @Flag(help: "Show the team's time away that is not over.") var list = false
    @Flag(help: "With --list: past time away too.") var all = false
    @Flag(help: "Cancel your time away that holds --from (default: the current one, else the next).")
    var cancel = false
    @Flag(help: "With --list: print JSON.") var json = false

    /// Refuses options that do not go together, before anything is read.
    private func checkOptions() throws {
        if list, cancel || until != nil || note != nil || from != nil {
            throw CLIError.usage("--list shows time away; give it alone (with --all or --json)")
        }
        if cancel, until != nil || note != nil {
            throw CLIError.usage("--cancel takes only --from: baton away --cancel [--from DATE]")
        }
        if !list, all || json { throw CLIError.usage("--all and --json go with --list: baton away --list --json") }
        if !list, !cancel, until == nil {
            throw CLIError.usage(
                "say until when: baton away --from DATE --until DATE [--note TEXT] (or --list, --cancel)")
        }
    }

    func run() throws {
        try reportingErrors {
            try checkOptions()
            let journal = try options.openJournal()
            let now = try options.now()
            if list {
                let view = AwayView(
                    away: journal.awayPeriods(), calendar: journal.workCalendar(), now: now.date, everything: all)
                Output.line(json ? try view.json() : view.text(style: Output.style))
            } else if cancel {
                try cancelAway(journal, now: now)
            } else {
                try markAway(journal, now: now)
            }
        }
    }

    private func markAway(_ journal: Journal, now: Timestamp) throws {
        let first = try options.day(from, direction: .future, journal: journal)
        let last = try options.day(until, direction: .future, journal: journal)
        guard first <= last else {
            throw CLIError.usage("--until \(last) is before --from \(first); the last day comes after the first")
        }
        let text = note.map(TextSafety.singleLine)
        if text?.isEmpty == true { throw CLIError.usage("--note needs text, e.g. --note \"conference\"") }
        let period = AwayPeriod(from: first, until: last, note: text)
        let moved = try journal.markAway(period, at: now)
        Output.plain("Away \(AwayView.days(period))" + (period.note.map { " (\($0))" } ?? ""))
        try report(moved)
    }

    private func cancelAway(_ journal: Journal, now: Timestamp) throws {
        let me = try journal.requireMe()
        let mine = journal.awayPeriods()[me.value] ?? []
        let today = now.localDay
        let period: AwayPeriod?
        if let from {
            let day = try options.day(from, direction: .future, journal: journal)
            period = mine.first { $0.contains(day) }
        } else {
            period = mine.first { $0.contains(today) } ?? mine.filter { $0.from > today }.min()
        }
        guard let period else {
            let what = from.map { "on \($0)" } ?? "now or to come"
            throw CLIError.notFound("you have no time away \(what); see yours with `baton away --list`")
        }
        let moved = try journal.cancelAway(period, at: now)
        Output.plain("Cancelled time away \(AwayView.days(period))")
        try report(moved)
    }

    private func report(_ moved: [MovedWindow]) throws {
        let zone = try options.zone()
        for window in moved {
            Output.plain(
                "  ask \(window.askID) from \(window.from): respond by \(window.after.rendered(in: zone))"
                    + " (was \(window.before.rendered(in: zone)))")
        }
    }
}
