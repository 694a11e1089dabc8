import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The team's history, one line per change.",
        discussion: """
            Task field changes, log lines and note bullets, oldest first, in your zone (--tz for another). \
            --since selects by each event's author's local day.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Option(
        parsing: .unconditional,
        help: "First day: 7d (seven days ending today), monday (the last before today), 2026-11-18 (default: all).")
    var since: String?
    @Option(help: "Only changes by this person.", completion: JournalCompletion.handles) var member: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let zone = try options.zone()
            let authors = AuthorClock(config: journal.config)
            let today = try options.now().localDay
            // The digest's rules: `7d` is seven days ending today, `monday` the last Monday before today.
            let first = try since.map {
                try ReadingPeriod.firstDay($0, last: today, today: today, workdays: journal.config.workdays)
            }
            // Walk from the earliest instant an author's day can start (UTC+14), then keep events by that day.
            let start = first.map { $0.startDate(in: TimeZone(secondsFromGMT: 14 * 3600) ?? zone) }
            let only = try member.map { try Handle($0).value }
            var events = try journal.history(
                JournalHistory.Query(since: start, skipped: Output.skipped), taskHandles: journal.readableTaskHandles())
            if let first { events = events.filter { $0.day(authors) >= first } }
            if let only { events = events.filter { $0.author == only } }
            if json {
                Output.line(try HistoryJSON.render(events, zone: zone, authors: authors, unreadable: Output.unreadable))
            } else {
                pager.show(HistoryText.log(events, zone: zone, style: Output.style, authors: authors))
            }
        }
    }
}
