import ArgumentParser
import JournalReports
import JournalSync

struct Inbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "What waits for you: asks to you, your blocked and soon-due tasks, answers to your asks.")

    @OptionGroup var options: JournalOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let me = try journal.requireMe().value
            let now = try options.now().date
            let zone = try options.zone()
            let (tasks, unreadable) = journal.loadTasks()
            for file in unreadable { Output.note("baton: skipped \(file.path): \(file.message)") }
            let inbox = JournalReports.Inbox(tasks: tasks, me: me, now: now, zone: zone)
            Output.line(json ? try inbox.json(now: now) : inbox.text(me: me, now: now, zone: zone, style: Output.style))
        }
    }
}
