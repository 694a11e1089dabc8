import ArgumentParser
import JournalReports
import JournalSync

struct Inbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "What waits for you: asks to you, hand-offs, your blocked and soon-due tasks, answers, mentions.",
        discussion: """
            Asks to you are grouped by urgency (overdue, closing soon: a quarter of the window or less left, \
            later) with the time left ("due in 3h", "overdue by 15h"). NEW marks what was not there when you \
            last ran inbox on this device.

            Mentions (@you in a note, a task, a log line or a reply, in the \
            last 30 days) and answers to your asks stay until you clear them with --seen. What you have seen \
            is kept in .git/baton/ on this device, never in the journal.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Clear the mentions and answers shown now (on this device), and print nothing else.")
    var seen = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let me = try journal.requireMe().value
            let now = try options.now()
            let zone = try options.zone()
            let (inbox, _, _) = JournalReports.Inbox.read(
                journal: journal, me: me, now: now, zone: zone, unreadable: { JournalWarnings.shared.unreadable($0) })
            let cleared = inbox.clearableKeys
            let record = { (state: inout SeenState) in
                state.cleared = inbox.keptCleared(state.cleared).union(seen ? cleared : [])
                state.inboxLooked = inbox.itemKeys
            }
            // Looking never fails for want of a writable .git; clearing does, so the user knows.
            if seen { try journal.updateSeenState(record) } else { _ = try? journal.updateSeenState(record) }
            if seen {
                let mentions = inbox.mentions.count
                Output.line("Cleared \(mentions) mention(s) and \(inbox.answers.count) answer(s) on this device.")
                return
            }
            if json {
                Output.line(try inbox.json(now: now.date, unreadable: JournalWarnings.shared.unreadableFiles))
            } else {
                let text = inbox.text(me: me, now: now.date, zone: zone, style: Output.style)
                let unread = UnreadableList.lines(
                    JournalWarnings.shared.unreadableFiles, markdown: false, style: Output.style)
                pager.show(unread.isEmpty ? text : text + "\n\n" + unread.joined(separator: "\n"))
            }
        }
    }
}
