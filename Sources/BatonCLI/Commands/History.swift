import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A task's timeline from the git history.",
        discussion: """
            Each change of a field (old → new), each log line, who and when, including changes made by hand \
            with plain git. Times are shown in your zone (--tz for another).
            """)

    @OptionGroup var target: TaskTarget
    @OptionGroup var pager: PagerOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let (journal, task) = try target.open()
            let zone = try target.options.zone()
            let events = try journal.history(
                JournalHistory.Query(paths: [JournalLayout.taskPath(id: task.id)], skipped: Output.skipped),
                tasks: journal.readableTasks())
            if json {
                Output.line(
                    try HistoryJSON.render(
                        events, zone: zone, authors: AuthorClock(config: journal.config), unreadable: Output.unreadable)
                )
            } else {
                pager.show(
                    HistoryText.timeline(
                        events, task: task, id: task.id, zone: zone, style: Output.style,
                        authors: AuthorClock(config: journal.config)))
            }
        }
    }
}
