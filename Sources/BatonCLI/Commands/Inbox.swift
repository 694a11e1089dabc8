import ArgumentParser
import JournalReports
import JournalSync

struct Inbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "What waits for you: asks to you, your blocked and soon-due tasks, answers to your asks.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let me = try journal.requireMe().value
            let now = try options.now().date
            let zone = try options.zone()
            let tasks = journal.readableTasks()
            let inbox = JournalReports.Inbox(tasks: tasks, me: me, now: now, zone: zone)
            if json {
                Output.line(try inbox.json(now: now, unreadable: JournalWarnings.shared.unreadableFiles))
            } else {
                let text = inbox.text(me: me, now: now, zone: zone, style: Output.style)
                let unread = UnreadableList.lines(
                    JournalWarnings.shared.unreadableFiles, markdown: false, style: Output.style)
                pager.show(unread.isEmpty ? text : text + "\n\n" + unread.joined(separator: "\n"))
            }
        }
    }
}
