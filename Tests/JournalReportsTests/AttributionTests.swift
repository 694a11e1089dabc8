import Testing

@testable import JournalReports

/// Who a commit message names as the one who made the change.
@Suite("Attribution from commit messages")
struct AttributionTests {
    @Test("a created task names no one: `created` is never taken for a handle")
    func createdIsNotAHandle() {
        let summary = "task k7q2xm: created \"Backfill orders table\" (owner priya)"
        #expect(Attribution.messageCandidate(summary) == nil)
        #expect(Attribution.messageHandle(summary, known: ["created", "priya"]) == nil)
    }

    @Test("notes, task changes and asks name their author")
    func namedAuthors() {
        let known: Set<String> = ["priya", "tom"]
        #expect(Attribution.messageHandle("note: priya 2026-11-24", known: known) == "priya")
        #expect(Attribution.messageHandle("task k7q2xm: tom blocked: waiting on API keys", known: known) == "tom")
        #expect(
            Attribution.messageHandle("ask p3hd9x: priya asks tom, respond by 2026-11-25 09:14 +05:30", known: known)
                == "priya")
        #expect(Attribution.messageHandle("task k7q2xm: lee started", known: known) == nil)
        #expect(Attribution.messageHandle("sync: merge tom's work (1 commit(s))", known: known) == nil)
    }
}
