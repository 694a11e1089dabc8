import Foundation
import JournalModel
import TestSupport
import Testing

/// `CommitMessage.authorWord(inSummary:)` is the only word the full parser can read as a summary's
/// author: whenever `CommitMessage(parsing:)` names an author, it is that word; when the word is
/// empty, the parser names none.
@Suite("Commit message author word")
struct CommitMessageAuthorWordTests {
    @Test("every message baton writes: the word is the parsed author")
    func everyMessage() {
        for (message, text) in CommitMessageFormatTests.cases {
            let summary = String(text.prefix { $0 != "\n" })
            let word = CommitMessage.authorWord(inSummary: summary)
            #expect(word != nil, "\(summary)")
            if let author = message.author {
                #expect(word.map(String.init) == author, "\(summary)")
            }
        }
    }

    @Test("plain summaries name no one", arguments: ["Fix typo", "Merge branch 'main'", "", "notes: x", "task", "ask"])
    func plain(_ summary: String) {
        #expect(CommitMessage.authorWord(inSummary: summary) == "")
        #expect(CommitMessage(parsing: summary)?.author == nil)
    }

    @Test("a summary that is not ASCII is left to the parser")
    func notASCII() {
        #expect(CommitMessage.authorWord(inSummary: "note: zoë 2026-11-24") == nil)
    }

    @Test("randomised summaries: the parser's author is always the word", arguments: 0..<4)
    func randomised(seed: UInt64) {
        var rng = SplitMix64(seed: 0xA07 &+ seed)
        let pieces = [
            "note: ", "task ", "ask ", "members: ", "away: ", "hand edits: ", "journal: created for team ",
            "sync: merge ", "k7q2xm", "p3hd9x", ": ", ":", " ", "  ", "priya", "tom", "2026-11-24", "2026-13-40",
            "(edited)", "(undo)", "blockers", "(today, written 2026-11-25)", "today", "asks ", ", respond by ",
            "2026-11-25 09:14 +05:30", "created ", "\"t\" (owner lee)", "added ", "removed ", "cancelled ",
            "2026-11-24..2026-11-28", "done", "\r", "x", "(", ")",
        ]
        for _ in 0..<4000 {
            var summary = ""
            for _ in 0..<(1 + rng.below(7)) { summary += rng.pick(pieces) }
            guard let word = CommitMessage.authorWord(inSummary: summary) else {
                Issue.record("ASCII summary left to the parser: \(summary)")
                continue
            }
            if let author = CommitMessage(parsing: summary)?.author {
                #expect(String(word) == author, "\(summary)")
            }
        }
    }
}
