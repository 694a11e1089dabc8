import JournalModel

/// When an ask was first answered: the first `replied:` or `done` log line written by someone other than
/// the asker, at or after the ask's creation and not after `now`.
public enum AskAnswer {
    /// The first answer's log line, or nil while none.
    public static func first(_ ask: TaskDocument, now: Timestamp) -> LogEntry? {
        let asker = ask.from ?? ""
        return ask.log.filter { entry in
            guard entry.author != asker, entry.at >= ask.created, entry.at <= now else { return false }
            switch TaskChange(logLine: entry.text) {
            case .replied, .status(.done, _): return true
            default: return false
            }
        }.min { $0.at < $1.at }
    }

    /// Who the ask is for: its `to`, else its owner.
    public static func responder(_ ask: TaskDocument) -> String { ask.to ?? ask.owner }
}
