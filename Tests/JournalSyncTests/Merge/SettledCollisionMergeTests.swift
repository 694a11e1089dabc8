import JournalModel
import Testing

@testable import JournalSync

/// A merge reports each field collision it settled, for the merge commit's message.
@Suite("Settled collisions reported by the merge")
struct SettledCollisionMergeTests {
    typealias S = MergeTestSupport
    typealias T = TaskMergeTests

    @Test("a status both sides changed: what was kept, what was not, and who set each, either way round")
    func statusCollision() {
        let ours = T.task(
            ["status": "doing", "updated": "2026-11-25T09:00:00+00:00"],
            log: ["- 2026-11-25T09:00:00+00:00 priya: started"])
        let theirs = T.task(
            ["status": "blocked", "updated": "2026-11-25T10:00:00+00:00"],
            log: ["- 2026-11-25T10:00:00+00:00 tom: blocked: keys"])
        let expected = SettledCollision(
            path: T.path, field: "status", kept: "blocked", keptBy: "tom", other: "doing", otherBy: "priya")
        let one = S.merge(T.path, base: T.task(), ours: ours, oursAuthor: "priya", theirs: theirs, theirsAuthor: "tom")
        let two = S.merge(T.path, base: T.task(), ours: theirs, oursAuthor: "tom", theirs: ours, theirsAuthor: "priya")
        #expect(one.settled == [expected])
        #expect(two.settled == [expected])
        let file = JournalMerge.mergeFile(
            path: T.path, base: Array(T.task().utf8), ours: MergeFileSide(bytes: Array(ours.utf8), author: "priya"),
            theirs: MergeFileSide(bytes: Array(theirs.utf8), author: "tom"))
        #expect(file.settled == [expected])
    }

    @Test("changes on different fields settle nothing")
    func noCollision() {
        let ours = T.task(["status": "doing", "updated": "2026-11-25T09:00:00+00:00"])
        let theirs = T.task(["due": "2026-12-01", "updated": "2026-11-25T10:00:00+00:00"])
        #expect(S.merge(T.path, base: T.task(), ours: ours, theirs: theirs).settled == [])
    }
}
