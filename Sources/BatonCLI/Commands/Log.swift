import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The team's history, one line per change.",
        discussion: "Task field changes, log lines and note bullets, oldest first, in your zone (--tz for another).")

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Option(parsing: .unconditional, help: "First day: 7d, monday, 2026-11-18 (default: all history).")
    var since: String?
    @Option(help: "Only changes by this person.") var member: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let zone = try options.zone()
            let start = try since.map { try options.day($0, direction: .past, journal: journal).startDate(in: zone) }
            let only = try member.map { try Handle($0).value }
            var events = try journal.history(
                JournalHistory.Query(since: start, skipped: Output.skipped), tasks: journal.loadTasks().tasks)
            if let only { events = events.filter { $0.author == only } }
            if json {
                Output.line(try HistoryJSON.render(events, zone: zone))
            } else {
                pager.show(HistoryText.log(events, zone: zone, style: Output.style))
            }
        }
    }
}
