import Foundation
import JournalModel
import JournalSync

/// The stable JSON shape of a task or ask (documented in README's "JSON output").
public struct TaskJSON: Encodable, Sendable {
    public struct Log: Encodable, Sendable {
        let at: String
        let author: String
        let text: String
    }

    let id: String
    let kind: String
    let title: String
    let status: String
    let owner: String
    let created: String
    let updated: String
    let due: String?
    let tags: [String]
    let blockedReason: String?
    let from: String?
    let to: String?
    let respondBy: String?
    let overdue: Bool
    let description: String
    let log: [Log]

    public init(_ task: TaskDocument, now: Date) {
        id = task.id
        kind = task.kind.rawValue
        title = task.title
        status = task.status.rawValue
        owner = task.owner
        created = task.created.description
        updated = task.updated.description
        due = task.due?.description
        tags = task.tags
        blockedReason = task.blockedReason
        from = task.from
        to = task.to
        respondBy = task.respondBy?.description
        overdue = TaskClock.isOverdue(task, now: now)
        description = task.description
        log = task.log.map { Log(at: $0.at.description, author: $0.author, text: $0.text) }
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, title, status, owner, created, updated, due, tags, from, to, overdue, description, log
        case blockedReason = "blocked_reason"
        case respondBy = "respond_by"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(owner, forKey: .owner)
        try c.encode(created, forKey: .created)
        try c.encode(updated, forKey: .updated)
        try c.encode(due, forKey: .due)
        try c.encode(tags, forKey: .tags)
        try c.encode(blockedReason, forKey: .blockedReason)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(respondBy, forKey: .respondBy)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(description, forKey: .description)
        try c.encode(log, forKey: .log)
    }
}

/// Encodes report values as pretty, key-sorted JSON text.
public enum JSONOutput {
    public static func render<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension TaskJSON {
    /// `task list --json`: `{"tasks": [...], "unreadable": [{path, error}]}`.
    public static func list(_ tasks: [TaskDocument], now: Date, unreadable: [UnreadableFile]) throws -> String {
        struct Listing: Encodable {
            let tasks: [TaskJSON]
            let unreadable: [[String: String]]
        }
        return try JSONOutput.render(
            Listing(tasks: tasks.map { TaskJSON($0, now: now) }, unreadable: UnreadableList.json(unreadable)))
    }
}
