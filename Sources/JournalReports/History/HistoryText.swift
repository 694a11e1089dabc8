import Foundation
import JournalModel
import JournalSync

/// History events as readable lines for a terminal, in the reader's zone, each with its author's own time
/// where it differs (`authors` giving their zones).
public enum HistoryText {
    /// `baton log`: one line per change: time, who, what, the change.
    public static func log(
        _ events: [HistoryEvent], zone: TimeZone, style: TextStyle, authors: AuthorClock = AuthorClock()
    ) -> String {
        if events.isEmpty { return "No changes." }
        let clock = ReaderClock(zone: zone, authors: authors)
        let width = min(16, events.map(\.author.count).max() ?? 0)
        return events.map { event in
            let who = event.author.padding(toLength: max(width, event.author.count), withPad: " ", startingAt: 0)
            let target: String
            if let id = event.taskID {
                target = style.id(id)
            } else if let day = event.noteDay {
                target = "note \(day)"
            } else {
                target = event.path
            }
            return
                "\(style.dim(clock.event(event.at, by: event.author)))  \(TerminalText.clean(who, keepNewlines: false))  \(target)  \(describe(event))"
        }.joined(separator: "\n")
    }

    /// `baton history ID`: the task's timeline, one line per change.
    public static func timeline(
        _ events: [HistoryEvent], task: TaskDocument?, id: String, zone: TimeZone, style: TextStyle,
        authors: AuthorClock = AuthorClock()
    ) -> String {
        timeline(events, title: task?.title, id: id, zone: zone, style: style, authors: authors)
    }

    /// The timeline under `title` (`(deleted)` when there is none).
    public static func timeline(
        _ events: [HistoryEvent], title: String?, id: String, zone: TimeZone, style: TextStyle,
        authors: AuthorClock = AuthorClock()
    ) -> String {
        let clock = ReaderClock(zone: zone, authors: authors)
        var lines = [style.heading("\(id)  \(TerminalText.clean(title ?? "(deleted)", keepNewlines: false))")]
        if events.isEmpty { lines.append("  no history") }
        for event in events {
            lines.append(
                "  \(style.dim(clock.event(event.at, by: event.author)))  \(TerminalText.clean(event.author, keepNewlines: false)): \(describe(event))"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// The change without who and when, safe for a terminal.
    static func describe(_ event: HistoryEvent) -> String {
        let text: String
        switch event.change {
        case .noteBullet(let section, let bullet): text = "\(section): \(bullet)"
        default: text = event.summary
        }
        return TerminalText.clean(text, keepNewlines: false)
    }
}

/// History events as JSON: `{"events": [...], "unreadable": [{path, error}]}`, each event an object (`at`,
/// `local_at`, `day`, `author`, `commit`, `task`, `note_day`, `path`, `change`, ...).
public enum HistoryJSON {
    /// `at` is in the reader's `zone`, `local_at` in the author's (`authors`), `day` the author's local day.
    public static func render(
        _ events: [HistoryEvent], zone: TimeZone, authors: AuthorClock = AuthorClock(),
        unreadable: [UnreadableFile] = []
    ) throws -> String {
        let array: [[String: Any]] = events.map { event in
            var object: [String: Any] = [
                "at": event.at.converted(to: zone).description, "author": event.author, "commit": event.commit,
                "local_at": authors.local(event.at, by: event.author).description,
                "day": event.day(authors).description,
                "task": event.taskID ?? NSNull(), "note_day": event.noteDay?.description ?? NSNull(),
                "path": event.path,
                "summary": event.summary,
            ]
            object.merge(HistoryStoryJSON.fields(of: event)) { _, added in added }
            switch event.change {
            case .created(let title):
                object["change"] = "created"
                object["title"] = title
            case .deleted: object["change"] = "deleted"
            case .field(let name, let old, let new):
                object["change"] = "field"
                object["field"] = name
                object["old"] = old ?? NSNull()
                object["new"] = new ?? NSNull()
            case .description: object["change"] = "description"
            case .log(let text):
                object["change"] = "log"
                object["text"] = text
            case .noteBullet(let section, let text):
                object["change"] = "note"
                object["section"] = section.lowercased()
                object["text"] = text
            }
            return object
        }
        let data = try JSONSerialization.data(
            withJSONObject: ["events": array, "unreadable": UnreadableList.json(unreadable)] as [String: Any],
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

extension HistoryEvent {
    /// The local day the event belongs to: a note bullet's note day, else its author's local day.
    public func day(_ authors: AuthorClock) -> LocalDay {
        noteDay ?? authors.day(of: at, by: author)
    }
}
