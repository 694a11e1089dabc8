import Foundation
import JournalModel

/// Tasks as aligned terminal rows: id, status, owner, due, title.
public enum TaskTable {
    public static func render(_ tasks: [TaskDocument], now: Date, zone: TimeZone, style: TextStyle) -> String {
        if tasks.isEmpty { return "No tasks." }
        let owners = tasks.map { TerminalText.clean($0.owner, keepNewlines: false) }
        let ownerWidth = max(5, owners.map(\.count).max() ?? 0)
        return zip(tasks, owners).map { task, owner in
            let status = task.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let owner = owner.padding(toLength: ownerWidth, withPad: " ", startingAt: 0)
            let due = (task.kind == .ask ? task.respondBy?.localDay : task.due)?.description ?? "-"
            var line =
                "\(style.id(task.id))  \(status) \(owner)  \(due.padding(toLength: 10, withPad: " ", startingAt: 0))  "
            if task.kind == .ask { line += "[ask from \(TerminalText.clean(task.from ?? "?", keepNewlines: false))] " }
            line += TerminalText.clean(task.title, keepNewlines: false)
            if TaskClock.isOverdue(task, now: now, zone: zone) { line += style.alert("  OVERDUE") }
            return line
        }.joined(separator: "\n")
    }
}

/// One task in full for the terminal: fields, description and log, in the reader's zone (each log line
/// with its author's own time where it differs, `authors` giving their zones).
public enum TaskDetail {
    public static func render(
        _ task: TaskDocument, now: Date, zone: TimeZone, style: TextStyle, authors: AuthorClock = AuthorClock()
    ) -> String {
        let clock = ReaderClock(zone: zone, authors: authors)
        var lines = [style.heading("\(task.id)  \(TerminalText.clean(task.title, keepNewlines: false))")]
        var fields: [(String, String)] = [
            ("kind", task.kind.rawValue), ("status", task.status.rawValue), ("owner", task.owner),
        ]
        if let from = task.from { fields.append(("from", from)) }
        if let respondBy = task.respondBy { fields.append(("respond by", respondBy.rendered(in: zone))) }
        if let due = task.due { fields.append(("due", due.description)) }
        if !task.tags.isEmpty { fields.append(("tags", task.tags.joined(separator: ", "))) }
        if let reason = task.blockedReason { fields.append(("blocked on", reason)) }
        fields.append(("created", task.created.rendered(in: zone)))
        fields.append(("updated", task.updated.rendered(in: zone)))
        for (name, value) in fields {
            lines.append(
                "  \(name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(TerminalText.clean(value, keepNewlines: false))"
            )
        }
        if TaskClock.isOverdue(task, now: now, zone: zone) { lines.append("  " + style.alert("OVERDUE")) }
        if !task.description.isEmpty {
            lines.append("")
            lines.append(TerminalText.clean(task.description))
        }
        lines.append("")
        lines.append(style.heading("Log"))
        for entry in task.log {
            let author = TerminalText.clean(entry.author, keepNewlines: false)
            let text = TerminalText.clean(entry.text, keepNewlines: false)
            lines.append("  \(style.dim(clock.event(entry.at, by: entry.author))) \(author): \(text)")
        }
        return lines.joined(separator: "\n")
    }
}
