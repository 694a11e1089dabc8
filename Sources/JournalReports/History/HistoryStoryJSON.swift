import Foundation

/// The JSON keys of what an event folds in: `log` (its log line), `changes` (the other fields it
/// changed, or a new task's first values as `fields`), and `settled` (a field collision a merge settled).
enum HistoryStoryJSON {
    static func fields(of event: HistoryEvent) -> [String: Any] {
        var object: [String: Any] = [:]
        if let log = event.logText { object["log"] = log }
        if case .created = event.change {
            var first: [String: Any] = [:]
            for case .field(let name, _, let value?) in event.details { first[name] = value }
            object["fields"] = first
        } else if !event.details.isEmpty {
            object["changes"] = event.details.map { detail -> [String: Any] in
                switch detail {
                case .field(let name, let old, let new):
                    return ["field": name, "old": old as Any? ?? NSNull(), "new": new as Any? ?? NSNull()]
                default:
                    return ["change": HistoryEvent.words(detail)]
                }
            }
        }
        if let settled = event.settled {
            let value: [String: Any] = [
                "kept": settled.kept as Any? ?? NSNull(), "kept_by": settled.keptBy,
                "other": settled.other as Any? ?? NSNull(), "other_by": settled.otherBy,
            ]
            object["settled"] = value
        }
        return object
    }
}
