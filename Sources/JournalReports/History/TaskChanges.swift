import JournalModel

/// Derives what changed between two versions of a task file, field by field, plus new log lines.
public enum TaskChanges {
    /// The field names compared, in the order they are reported.
    static let fields = [
        "title", "kind", "status", "owner", "due", "tags", "blocked_reason", "from", "to", "respond_by",
    ]

    /// The changes from `old` (nil: the file is new) to `new` (nil: the file was removed).
    public static func between(_ old: TaskDocument?, _ new: TaskDocument?) -> [HistoryEvent.Change] {
        guard let new else { return old == nil ? [] : [.deleted] }
        var changes: [HistoryEvent.Change] = []
        let before = old.map(values) ?? [:]
        let after = values(new)
        if old == nil { changes.append(.created(title: new.title)) }
        for name in fields {
            let a = before[name] ?? nil
            let b = after[name] ?? nil
            // A new file reports its starting status and owner, not every empty field.
            if old == nil && !(name == "status" || name == "owner" || name == "due") { continue }
            if a != b, !(old == nil && b == nil) { changes.append(.field(name: name, old: a, new: b)) }
        }
        if let old, old.description != new.description { changes.append(.description) }
        for entry in newLogEntries(old?.log ?? [], new.log) { changes.append(.log(text: entry.text)) }
        return changes
    }

    /// Log entries in `new` that are not in `old`, counting duplicates, in file order.
    public static func newLogEntries(_ old: [LogEntry], _ new: [LogEntry]) -> [LogEntry] {
        var remaining: [LogEntry: Int] = [:]
        for entry in old { remaining[entry, default: 0] += 1 }
        var added: [LogEntry] = []
        for entry in new {
            if let count = remaining[entry], count > 0 {
                remaining[entry] = count - 1
            } else {
                added.append(entry)
            }
        }
        return added
    }

    static func values(_ t: TaskDocument) -> [String: String?] {
        [
            "title": t.title, "kind": t.kind.rawValue, "status": t.status.rawValue,
            "owner": t.owner.isEmpty ? nil : t.owner, "due": t.due?.description,
            "tags": t.tags.isEmpty ? nil : t.tags.joined(separator: ", "), "blocked_reason": t.blockedReason,
            "from": t.from, "to": t.to, "respond_by": t.respondBy?.description,
        ]
    }
}
