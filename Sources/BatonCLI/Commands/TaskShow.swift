import ArgumentParser
import JournalModel
import JournalReports
import JournalSync

struct TaskShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a task with its log.")

    @OptionGroup var target: TaskTarget
    @OptionGroup var pager: PagerOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let (journal, task) = try target.open()
            let now = try target.options.now().date
            if json {
                Output.line(try JSONOutput.render(TaskJSON(task, now: now)))
            } else {
                pager.show(
                    TaskDetail.render(
                        task, now: now, zone: try target.options.zone(), style: Output.style,
                        authors: AuthorClock(config: journal.config)))
            }
        }
    }
}
