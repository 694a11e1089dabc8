import ArgumentParser
import JournalReports
import JournalSync

struct TaskShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a task with its log.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Argument(help: "The task's id or a unique prefix.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let task = try journal.resolveTask(id)
            let now = try options.now().date
            if json {
                Output.line(try JSONOutput.render(TaskJSON(task, now: now)))
            } else {
                pager.show(TaskDetail.render(task, now: now, zone: try options.zone(), style: Output.style))
            }
        }
    }
}
