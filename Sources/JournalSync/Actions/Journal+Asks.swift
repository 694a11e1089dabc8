import Foundation
import JournalModel

extension Journal {
    /// Asks `person` for something, to be answered within `window` seconds (default: `baton.yml`'s window)
    /// counted on `clock` in their zone: their working days, or every hour, either way skipping the days
    /// they are away unless `ignoringAway` (see `ResponseWindow`).
    public func ask(
        _ person: Handle, text: String, within window: TimeInterval?, clock: ResponseWindow.Clock = .working,
        ignoringAway: Bool = false, at now: Timestamp
    ) throws -> TaskDocument {
        let me = try requireMe()
        let seconds = window ?? TimeInterval(config.askWindowHours * 3600)
        let counted = ResponseWindow(for: person.value, in: workCalendar(), clock: clock, ignoringAway: ignoringAway)
        let due = counted.end(from: now.date, after: seconds)
        let respondBy = Timestamp(date: due, offsetSeconds: now.offsetSeconds)
        return try withLockTaken {
            let id = TaskID.generate(avoiding: Set(try existingTaskIDs()))
            let rendered = try templates.ask(
                id: id, from: me, to: person, text: text, created: now, respondBy: respondBy)
            let task = try Journal.parseTask(rendered, id: id)
            try save(
                [task.path: task.render()],
                message: .askMade(id: id, from: me.value, to: person.value, respondBy: respondBy))
            return task
        }
    }

    /// Answers an ask (any task works too); `done` also closes it.
    @discardableResult
    /// `attachments` are paths of files to copy into `attachments/` and link from the log line.
    public func reply(_ prefix: String, text: String, done: Bool, at now: Timestamp, attachments: [String] = []) throws
        -> TaskDocument
    {
        let prepared = try prepareAttachments(attachments, for: try requireMe(), day: now.localDay)
        return try changeTask(prefix, at: now, attachments: prepared) { task, _ in
            if done { task.status = .done }
            let body = Journal.text(text, linking: prepared, from: task.path)
            return .replied(text: body, done: done)
        }
    }
}
