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
            let journal = try target.options.openJournal()
            let (id, task) = try Self.resolve(target.id, in: journal)
            let zone = try target.options.zone()
            let events = try journal.history(
                JournalHistory.Query(paths: [JournalLayout.taskPath(id: id)], skipped: Output.skipped),
                taskHandles: journal.readableTaskHandles())
            if json {
                Output.line(
                    try HistoryJSON.render(
                        events, zone: zone, authors: AuthorClock(config: journal.config), unreadable: Output.unreadable)
                )
            } else {
                let created = events.compactMap { event -> String? in
                    if case .created(let title) = event.change { return title }
                    return nil
                }
                let title = task?.title ?? created.last ?? "(could not be read)"
                pager.show(
                    HistoryText.timeline(
                        events, title: title, id: id, zone: zone, style: Output.style,
                        authors: AuthorClock(config: journal.config)))
            }
        }
    }

    /// The task `prefix` names; one whose file does not read now (a mistyped hand edit) still has a history:
    /// it is named on stderr (and in JSON's `unreadable`) and its story is told from the versions that read.
    static func resolve(_ prefix: String, in journal: Journal) throws -> (String, TaskDocument?) {
        do {
            let task = try journal.resolveTask(prefix)
            return (task.id, task)
        } catch ModelError.badFrontMatter(let path, let detail) {
            let id = try TaskID.resolve(prefix: prefix, among: journal.taskIDs())
            let error = ModelError.badFrontMatter(path: path, detail: detail)
            JournalWarnings.shared.unreadable(
                UnreadableFile(path: path, message: error.errorDescription ?? detail))
            return (id, nil)
        }
    }
}
