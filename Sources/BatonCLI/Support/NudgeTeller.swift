import Foundation
import JournalModel
import JournalReports
import JournalSync

/// Tells the nudges of `baton remind` and `sync --watch`: each once per device (remembered in
/// `.git/baton/seen.json`), on stdout and, with `--notify`, as desktop notifications.
struct NudgeTeller {
    let journal: Journal
    let me: String
    let zone: TimeZone
    let rule: ClosingRule
    let notifier: Notifier?

    /// The nudges that hold now and were not told before on this device; records them as told.
    func untold(now: Timestamp) throws -> [Nudge] {
        let (inbox, tasks, _) = JournalReports.Inbox.read(journal: journal, me: me, now: now, zone: zone, rule: rule)
        let all = Nudges.of(inbox: inbox, tasks: tasks, now: now.date)
        return try journal.updateSeenState { state in
            let untold = Nudges.untold(all, told: state.told)
            // Only what holds now is kept: a closed window or an answered ask is forgotten.
            state.told = Set(all.map(\.key))
            return untold
        }
    }

    /// Prints each nudge as one terminal-safe line (after `prefix`) and sends it to the notifier.
    func tell(_ nudges: [Nudge], prefix: String = "", limit: Int? = nil) {
        let shown = limit.map { Array(nudges.prefix($0)) } ?? nudges
        for nudge in shown {
            Output.plain(prefix + nudge.line)
            notifier?.notify(TerminalText.clean(nudge.line, keepNewlines: false))
        }
        if shown.count < nudges.count {
            Output.line(prefix + "… and \(nudges.count - shown.count) more: baton inbox")
        }
    }
}
