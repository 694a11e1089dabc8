import Foundation
import JournalModel
import JournalSync

/// What waits for one person: asks to them (by urgency), tasks handed to them, their blocked or soon-due
/// tasks, answers to their asks and mentions of them (see `apply(_:mentions:)` for what is new and seen).
public struct Inbox: Sendable {
    public var asksToMe: [TaskDocument]
    /// Open tasks someone else assigned to me that I have not touched since.
    public var handoffs: [TaskDocument]
    public var myTasks: [TaskDocument]
    public var answers: [TaskDocument]
    /// Teammates' lines that mention me, not yet cleared by `inbox --seen`.
    public var mentions: [Mention] = []
    /// Keys of the items that were not there at the last look (`apply(_:mentions:)`).
    public var newKeys: Set<String> = []
    /// When an ask counts as closing soon.
    public var rule: ClosingRule = .quarter
    /// The authors' zones: each teammate's line shows their own time where it differs from the reader's.
    public var authors = AuthorClock()
    /// Keys of every mention and answer in the journal, cleared or not (see `keptCleared`).
    var presentClearable: Set<String> = []
    /// Whose inbox it is.
    let me: String

    /// Builds the inbox of `me` from every task in the journal.
    public init(tasks: [TaskDocument], me: String, now: Date, zone: TimeZone = .current) {
        self.me = me
        asksToMe = tasks.filter { $0.kind == .ask && $0.status.isOpen && ($0.to ?? $0.owner) == me }
            .sorted { ($0.respondBy ?? $0.created, $0.id) < ($1.respondBy ?? $1.created, $1.id) }
        handoffs = tasks.filter { task in
            guard task.kind == .task, task.status.isOpen, task.owner == me,
                let handoff = task.log.lastIndex(where: { $0.author != me && Self.isHandoff($0.text, to: me) })
            else { return false }
            return !task.log[(handoff + 1)...].contains { $0.author == me }
        }.sorted { $0.updated > $1.updated }
        myTasks = tasks.filter {
            $0.kind == .task && $0.owner == me
                && ($0.status == .blocked || TaskClock.isDueSoon($0, now: now, zone: zone))
        }.sorted {
            ($0.due ?? LocalDay(date: .distantFuture, in: zone), $0.id) < (
                $1.due ?? LocalDay(date: .distantFuture, in: zone), $1.id
            )
        }
        answers = tasks.filter { task in
            task.kind == .ask && task.from == me && task.status != .dropped
                && task.log.contains { $0.author != me && $0.text.hasPrefix("replied:") }
        }.sorted { $0.updated > $1.updated }
    }

    /// A log text that hands the task to `me` (`assigned to me` or `assigned to me: note`).
    static func isHandoff(_ text: String, to me: String) -> Bool {
        text == "assigned to \(me)" || text.hasPrefix("assigned to \(me):")
    }

    /// The inbox as JSON: `asks_to_me`, `handoffs`, `my_tasks`, `answers`, each an array of task objects (with
    /// `new`, and `urgency` and `due_in_seconds` for asks to me), and `mentions`.
    public func json(now: Date, unreadable: [UnreadableFile] = []) throws -> String {
        struct Shape: Encodable {
            let unreadable: [[String: String]]
            let asksToMe: [ItemJSON]
            let handoffs: [ItemJSON]
            let myTasks: [TaskJSON]
            let answers: [ItemJSON]
            let mentions: [MentionJSON]

            enum CodingKeys: String, CodingKey {
                case asksToMe = "asks_to_me"
                case handoffs
                case myTasks = "my_tasks"
                case answers
                case mentions
                case unreadable
            }
        }
        return try JSONOutput.render(
            Shape(
                unreadable: UnreadableList.json(unreadable), asksToMe: asksToMe.map { askJSON($0, now: now) },
                handoffs: handoffs.map { itemJSON($0, now: now, new: isNew(handoff: $0)) },
                myTasks: myTasks.map { TaskJSON($0, now: now) },
                answers: answers.map { itemJSON($0, now: now, new: isNew(answer: $0)) },
                mentions: mentions.map(mentionJSON)))
    }

    /// The inbox for a terminal, in the reader's zone.
    public func text(me: String, now: Date, zone: TimeZone, style: TextStyle) -> String {
        func clean(_ text: String) -> String { TerminalText.clean(text, keepNewlines: false) }
        let clock = ReaderClock(zone: zone, authors: authors)
        var lines: [String] = []
        lines.append(style.heading("Asks to you (\(asksToMe.count))"))
        if asksToMe.isEmpty { lines.append("  nothing waiting") }
        for (urgency, asks) in asksByUrgency(now: now) {
            lines.append("  \(urgency.heading) (\(asks.count))")
            lines += asks.map { askLine($0, now: now, zone: zone, style: style) }
        }
        lines.append("")
        lines.append(style.heading("Handed to you (\(handoffs.count))"))
        if handoffs.isEmpty { lines.append("  nothing new") }
        for task in handoffs {
            let mark = isNew(handoff: task) ? "  " + style.alert("NEW") : ""
            lines.append("  \(style.id(task.id))  \(TerminalText.clean(task.title, keepNewlines: false))\(mark)")
            if let entry = task.log.last(where: { $0.author != me && Self.isHandoff($0.text, to: me) }) {
                lines.append(
                    "      \(clock.event(entry.at, by: entry.author)) \(clean(entry.author)): \(clean(entry.text))")
            }
        }
        lines.append("")
        lines.append(style.heading("Your blocked and soon-due tasks (\(myTasks.count))"))
        if myTasks.isEmpty { lines.append("  none") }
        for task in myTasks {
            var detail = task.status.rawValue
            if let reason = task.blockedReason, task.status == .blocked {
                detail += ": \(TerminalText.clean(reason, keepNewlines: false))"
            }
            if let due = task.due { detail += ", due \(due)" }
            let mark = TaskClock.isOverdue(task, now: now, zone: zone) ? style.alert(" OVERDUE") : ""
            lines.append(
                "  \(style.id(task.id))  \(TerminalText.clean(task.title, keepNewlines: false))  (\(detail))\(mark)")
        }
        lines.append("")
        lines.append(style.heading("Answers to your asks (\(answers.count))"))
        if answers.isEmpty { lines.append("  none yet") }
        for ask in answers {
            let asked = clean(ask.to ?? ask.owner)
            let mark = isNew(answer: ask) ? "  " + style.alert("NEW") : ""
            lines.append("  \(style.id(ask.id))  to \(asked): \(clean(ask.title)) [\(ask.status.rawValue)]\(mark)")
            for entry in ask.log where entry.author != me && entry.text.hasPrefix("replied:") {
                let answer = String(entry.text.dropFirst("replied:".count)).trimmingCharacters(in: .whitespaces)
                lines.append(
                    "      \(clock.event(entry.at, by: entry.author)) \(clean(entry.author)): \(clean(answer))")
            }
        }
        lines.append("")
        lines += mentionLines(zone: zone, style: style)
        return lines.joined(separator: "\n")
    }
}
