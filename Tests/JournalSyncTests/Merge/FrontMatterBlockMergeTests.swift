import JournalModel
import Testing

@testable import JournalSync

/// The merge reads front matter with the model's rule (`FrontMatter`), so a block the model reads is merged
/// field by field, and its opening and closing lines come out as they were written.
@Suite("Front matter block in merges")
struct FrontMatterBlockMergeTests {
    typealias S = MergeTestSupport

    private static func task(opening: String, closing: String, status: String, updated: String) -> String {
        opening + "\nid: k7q2xm\ntitle: Backfill\nstatus: \(status)\nowner: priya\nupdated: \(updated)\n" + closing
            + "\n\nCopy the old orders.\n"
    }

    @Test(arguments: [("---", "..."), ("\u{FEFF}---", "---"), ("---  ", "...")])
    func aBlockTheModelReadsIsMergedByFieldAndKeepsItsLines(_ opening: String, _ closing: String) throws {
        func task(_ status: String, _ updated: String) -> String {
            Self.task(opening: opening, closing: closing, status: status, updated: updated)
        }
        let base = task("todo", "2026-11-24T09:00:00Z")
        #expect(FrontMatter.split(base).yaml != nil)
        // Both sides stamp `updated`: a line merge would see a collision there, the field merge keeps the later.
        let ours = task("doing", "2026-11-24T10:00:00Z")
        let theirs = task("todo", "2026-11-24T11:00:00Z")
        let result = S.symmetricMerge("tasks/k7q2xm.md", base: base, ours, theirs)
        #expect(S.content(result) == task("doing", "2026-11-24T11:00:00Z"))
        #expect(result.collisions == 0)
    }

    @Test func fieldSpansKeepEveryLineOfAField() throws {
        let lines = ["---", "tags:", "  - db", "# a comment", "title: x", "---", "body"]
        let parsed = try #require(FrontMatterLines.parse(lines))
        #expect(parsed.fields.map(\.key) == ["tags", "title"])
        #expect(parsed.field("tags")?.lines == ["tags:", "  - db", "# a comment"])
        #expect(parsed.field("title")?.value == "x")
        #expect(parsed.lines == lines)
        #expect(FrontMatterLines.parse(["---", "a: 1", "a: 2", "---"]) == nil)
        #expect(FrontMatterLines.parse(["no front matter"]) == nil)
    }
}
