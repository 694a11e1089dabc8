import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct TaskUnblock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unblock",
        abstract: "Clear a task's block: it goes back to doing (or todo if it was never started).",
        discussion: "Logged as `started` or `reopened`, with the note, which ends the blocked time in stats.")

    @OptionGroup var target: TaskTarget
    @Option(help: "What cleared it, for the log line.") var note: String?

    func run() throws {
        try reportingErrors {
            let journal = try target.options.openJournal()
            let task = try journal.unblock(target.id, note: note, at: try target.options.now())
            Output.line("\(task.id) is \(task.status.rawValue): \(TerminalText.clean(task.title, keepNewlines: false))")
        }
    }
}

struct TaskDue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Set a task's due day, or remove it with `none`.",
        discussion: """
            Examples:
              baton task due k7q friday
              baton task due k7q 2026-12-04
              baton task due k7q none
            """)

    @OptionGroup var target: TaskTarget
    @Argument(help: "The day: friday, 3d, 2026-12-04, or none.") var day: String

    func run() throws {
        try reportingErrors {
            let journal = try target.options.openJournal()
            let due: LocalDay? =
                day.trimmingCharacters(in: .whitespaces).lowercased() == "none"
                ? nil : try target.options.day(day, direction: .future, journal: journal)
            let task = try journal.setDue(target.id, to: due, at: try target.options.now())
            let title = TerminalText.clean(task.title, keepNewlines: false)
            Output.line(due.map { "\(task.id) is due \($0): \(title)" } ?? "\(task.id) has no due day: \(title)")
        }
    }
}
