import JournalModel

/// Folds the changes one commit made to one task file into the events a reader tells apart: a status
/// change and its log line are one event, a new task is one event with its first values.
enum EventFolding {
    /// The fields a folded change is named by, in order of preference.
    static let primaryFields = ["status", "owner"]

    /// `events`: the changes of one commit to one file, in the order `TaskChanges` reports them.
    static func fold(_ events: [HistoryEvent]) -> [HistoryEvent] {
        guard events.contains(where: \.isTaskChange) else { return events }
        if let index = events.firstIndex(where: { if case .created = $0.change { true } else { false } }) {
            return foldCreation(events, at: index)
        }
        let changes = events.filter { $0.isFieldOrDescription }
        guard var primary = primaryChange(changes) else { return events }
        let logs = events.filter { if case .log = $0.change { true } else { false } }
        primary.details = changes.filter { $0 != primary }.map(\.change)
        if let first = logs.first, case .log(let text) = first.change {
            primary.logText = text
            primary.at = first.at
            primary.author = first.author
        }
        var rest = events.filter { !$0.isFieldOrDescription }
        if let first = logs.first, let position = rest.firstIndex(of: first) { rest.remove(at: position) }
        return [primary] + rest
    }

    /// A new task: its first values and its first log line go into the `created` event.
    private static func foldCreation(_ events: [HistoryEvent], at index: Int) -> [HistoryEvent] {
        var created = events[index]
        var output: [HistoryEvent] = []
        var logFolded = false
        for (position, event) in events.enumerated() where position != index {
            switch event.change {
            case .field(_, nil, _):
                created.details.append(event.change)
            case .log(let text) where !logFolded:
                logFolded = true
                created.logText = text
            default:
                output.append(event)
            }
        }
        return [created] + output
    }

    /// The change a folded event is named by: status, else owner, else the first field, else the description.
    private static func primaryChange(_ changes: [HistoryEvent]) -> HistoryEvent? {
        for name in primaryFields {
            if let match = changes.first(where: { $0.fieldName == name }) { return match }
        }
        return changes.first
    }
}

extension HistoryEvent {
    /// The field a `.field` change is about.
    var fieldName: String? {
        if case .field(let name, _, _) = change { return name }
        return nil
    }

    var isFieldOrDescription: Bool {
        switch change {
        case .field, .description: return true
        default: return false
        }
    }

    var isTaskChange: Bool { taskID != nil }
}
