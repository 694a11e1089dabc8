import Foundation
import JournalModel
import JournalSync

/// A line where a teammate wrote `@me`: a note bullet, a line of a task's description, or a log line
/// (a reply, a block reason, a hand-off note).
public struct Mention: Sendable, Equatable {
    public enum Source: String, Sendable {
        case note, task, ask
    }

    public var source: Source
    public var author: String
    /// The journal file it is in.
    public var path: String
    /// The task or ask it is in; nil for a note.
    public var task: String?
    /// The note's day, or the author's local day of the log line.
    public var day: LocalDay
    /// When it was written, when known (a log line's time, a bullet's time in the author's zone).
    public var at: Timestamp?
    /// The line as written (a bullet without its time).
    public var text: String
    /// Its key in the device's seen state.
    public var key: String
}

/// Finds the mentions of one person in the journal.
public enum MentionFinder {
    /// How far back mentions are looked for, in days (today included).
    public static let recentDays = 30

    /// The mentions of `me` by others in notes of the last `recentDays` days (up to `today`), in log lines
    /// written in them, and in the descriptions of tasks changed in them; newest first.
    public static func find(
        me: String, tasks: [TaskDocument], notes: [(author: String, path: String, day: LocalDay, note: DailyNote)],
        today: LocalDay, authors: AuthorClock
    ) -> [Mention] {
        let first = today.adding(days: -(recentDays - 1))
        // A day before the first day's start in UTC: no local day from -12:00 to +14:00 begins earlier.
        let cutoff = first.startDate(in: TimeZone(identifier: "UTC") ?? .current).addingTimeInterval(-86_400)
        var found: [Mention] = []
        for note in notes where note.author != me && note.day >= first {
            for section in NoteSection.allCases {
                for bullet in note.note.bullets(in: section) where Mentions.mentions(bullet, handle: me) {
                    let (time, text) = NoteChanges.splitTime(bullet)
                    let at = time.flatMap {
                        authors.bulletTime($0, day: note.day, author: note.author, noteOffset: note.note.utcOffset)
                    }
                    found.append(
                        Mention(
                            source: .note, author: note.author, path: note.path, task: nil, day: note.day, at: at,
                            text: text, key: ItemKey.mention(path: note.path, text: section.rawValue + bullet)))
                }
            }
        }
        for task in tasks {
            let source: Mention.Source = task.kind == .ask ? .ask : .task
            if task.updated.date >= cutoff, task.description.utf8.contains(UInt8(ascii: "@")),
                task.updated.localDay >= first
            {
                let writer = task.log.last { $0.text == "created" || $0.text.hasPrefix("edited") }
                let author = writer?.author ?? task.from ?? task.owner
                for line in task.description.split(separator: "\n").map(String.init)
                where author != me && Mentions.mentions(line, handle: me) {
                    found.append(
                        Mention(
                            source: source, author: author, path: task.path, task: task.id,
                            day: (writer?.at ?? task.created).localDay, at: writer?.at ?? task.created,
                            text: line.trimmingCharacters(in: .whitespaces),
                            key: ItemKey.mention(path: task.path, text: "description:" + line)))
                }
            }
            for entry in task.log where entry.at.date >= cutoff && entry.author != me {
                guard entry.text.utf8.contains(UInt8(ascii: "@")) || !entry.continuation.isEmpty,
                    entry.at.localDay >= first
                else { continue }
                let lines = [entry.text] + entry.continuation
                guard lines.contains(where: { Mentions.mentions($0, handle: me) }) else { continue }
                found.append(
                    Mention(
                        source: source, author: entry.author, path: task.path, task: task.id, day: entry.at.localDay,
                        at: entry.at, text: lines.joined(separator: " ").trimmingCharacters(in: .whitespaces),
                        key: ItemKey.mention(
                            path: task.path, text: "log:\(entry.at.date.timeIntervalSince1970):\(entry.author)")))
            }
        }
        let utc = TimeZone(identifier: "UTC") ?? .current
        return found.sorted {
            let left = $0.at?.date ?? $0.day.startDate(in: utc)
            let right = $1.at?.date ?? $1.day.startDate(in: utc)
            return (left, $0.key) > (right, $1.key)
        }
    }
}

extension Journal {
    /// The notes of the `days` days up to `today`, by author, for views that look back over several days;
    /// notes that cannot be read are told to `unreadable`.
    public func recentNotes(days: Int, today: LocalDay, unreadable: ((UnreadableFile) -> Void)? = nil)
        -> [(author: String, path: String, day: LocalDay, note: DailyNote)]
    {
        var result: [(author: String, path: String, day: LocalDay, note: DailyNote)] = []
        var day = today.adding(days: -(days - 1))
        while day <= today {
            for note in notes(on: day, unreadable: unreadable) {
                result.append((note.author, note.path, day, note.note))
            }
            day = day.adding(days: 1)
        }
        return result
    }
}
