import JournalModel
import TestSupport
import Testing

/// The settled field collisions a sync merge lists in its commit message read back exactly.
@Suite("Settled collisions in merge messages")
struct SettledCollisionTests {
    static let example = SettledCollision(
        path: "tasks/k7q2xm.md", field: "status", kept: "blocked", keptBy: "Tom Example", other: "doing",
        otherBy: "Priya Example")

    @Test("the line a merge message carries")
    func line() {
        #expect(
            Self.example.line
                == "tasks/k7q2xm.md status: doing (Priya Example) vs blocked (Tom Example): blocked kept")
        #expect(SettledCollision(line: Self.example.line) == Self.example)
    }

    @Test("a merge message with settled collisions reads back whole")
    func messageRoundTrip() {
        let removed = SettledCollision(
            path: "tasks/p3hd9x.md", field: "due", kept: nil, keptBy: "Lee", other: "2026-12-01", otherBy: "Tom")
        let message = CommitMessage.syncMerge(
            authors: ["Tom Example"], commits: 2, mergedFiles: ["tasks/k7q2xm.md"], keptBeside: [],
            settled: [Self.example, removed])
        #expect(
            message.text
                == "sync: merge Tom Example's work (2 commit(s))\n\nMerged by content:\n- tasks/k7q2xm.md\n\n"
                + "Field collisions settled:\n"
                + "- tasks/k7q2xm.md status: doing (Priya Example) vs blocked (Tom Example): blocked kept\n"
                + "- tasks/p3hd9x.md due: 2026-12-01 (Tom) vs (removed) (Lee): (removed) kept")
        #expect(CommitMessage(parsing: message.text) == message)
    }

    @Test("any values and names read back: parentheses, ` vs `, ` kept`, newlines, controls", arguments: 0..<4)
    func hostileValues(seed: UInt64) {
        var random = SplitMix64(seed: 0xC011 &+ seed)
        let pieces = [
            "(", ")", " (", ") ", " vs ", ": ", " kept", "\\", "\\n", "\n", "\r\n", "\u{1B}[31m", "é", "e\u{301}",
            "(removed)", "", " ", "doing", "\u{202E}",
        ]
        func text() -> String { (0..<random.below(6)).map { _ in random.pick(pieces) }.joined() }
        for _ in 0..<200 {
            let collision = SettledCollision(
                path: "tasks/k7q2xm.md", field: "status", kept: random.chance(20) ? nil : text(), keptBy: text(),
                other: random.chance(20) ? nil : text(), otherBy: text())
            #expect(!collision.line.contains("\n"))
            #expect(SettledCollision(line: collision.line) == collision, "\(collision.line)")
        }
    }

    @Test("lines that are not baton's read as nothing")
    func foreign() {
        for line in [
            "", "tasks/x.md", "tasks/x.md status: doing", "tasks/x.md status: a (b) vs c (d): a kept",
            "tasks/x.md status: a (b vs c (d): c kept", "tasks/x.md status: a (b) vs c (d): c kept!",
        ] {
            #expect(SettledCollision(line: line) == nil, "\(line)")
        }
    }
}
