import JournalModel
import JournalSync

/// Tells the writer of a note or reply about an `@handle` that reaches nobody: a mention links only a member
/// of the roster (`members:` in baton.yml), so `@tomm` is plain text and the writer hears of it at once.
enum MentionCheck {
    /// One warning line per mentioned handle in `text` that is not on a configured roster, with the closest
    /// member as a suggestion. Without `members:` nothing is checked (a newcomer may not have written yet).
    static func warnUnknown(in text: String, journal: Journal, today: LocalDay) {
        guard text.utf8.contains(UInt8(ascii: "@")), let members = journal.config.members, !members.isEmpty else {
            return
        }
        // With `members:` the roster is read from baton.yml alone, no journal file.
        let roster = journal.roster(today: today)
        for handle in Mentions.handles(in: text) where !roster.contains(handle) && handle != journal.me?.value {
            let guess = roster.suggestion(for: handle).map { "; did you mean @\($0)?" } ?? ""
            Output.note("baton: warning: @\(handle) is not on the roster, so nobody is told\(guess)")
        }
    }
}
