import Foundation
import JournalModel

extension Inbox {
    /// A mention as JSON: `source`, `author`, `path`, `task`, `day`, `at`, `text`, `new`.
    struct MentionJSON: Encodable {
        let source: String
        let author: String
        let path: String
        let task: String?
        let day: String
        let at: String?
        let text: String
        let new: Bool

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(source, forKey: .source)
            try c.encode(author, forKey: .author)
            try c.encode(path, forKey: .path)
            try c.encode(task, forKey: .task)
            try c.encode(day, forKey: .day)
            try c.encode(at, forKey: .at)
            try c.encode(text, forKey: .text)
            try c.encode(new, forKey: .new)
        }

        enum Keys: String, CodingKey { case source, author, path, task, day, at, text, new }
    }

    func mentionJSON(_ mention: Mention) -> MentionJSON {
        MentionJSON(
            source: mention.source.rawValue, author: mention.author, path: mention.path, task: mention.task,
            day: mention.day.description, at: mention.at?.description, text: mention.text, new: isNew(mention))
    }

    /// A task object with the inbox's own keys beside the task's: `new`, and for asks to me `urgency` and
    /// `due_in_seconds` (negative once overdue, null without `respond_by`).
    struct ItemJSON: Encodable {
        let task: TaskJSON
        let new: Bool
        let urgency: String?
        let dueInSeconds: Int?
        let withUrgency: Bool

        enum Keys: String, CodingKey {
            case new, urgency
            case dueInSeconds = "due_in_seconds"
        }

        func encode(to encoder: Encoder) throws {
            try task.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(new, forKey: .new)
            if withUrgency {
                try c.encode(urgency, forKey: .urgency)
                try c.encode(dueInSeconds, forKey: .dueInSeconds)
            }
        }
    }

    func askJSON(_ ask: TaskDocument, now: Date) -> ItemJSON {
        ItemJSON(
            task: TaskJSON(ask, now: now), new: isNew(ask: ask),
            urgency: AskUrgency.of(ask, now: now, rule: rule).rawValue,
            dueInSeconds: ask.respondBy.map { Int($0.date.timeIntervalSince(now).rounded(.down)) }, withUrgency: true)
    }

    func itemJSON(_ task: TaskDocument, now: Date, new: Bool) -> ItemJSON {
        ItemJSON(task: TaskJSON(task, now: now), new: new, urgency: nil, dueInSeconds: nil, withUrgency: false)
    }
}
