import Foundation
import GitKit
import Testing

/// `commitsNewestFirst` hands over each commit with its first parent's tree when it has it at hand:
/// always the parent's real tree, in the same order as the walk without it.
@Suite("Newest-first walk: parent trees")
struct NewestFirstParentTreeTests {
    ///   b0 - b1 ---------- m1 - merge - late      (main; `late` is dated before b1: a clock out of order)
    ///          \                /
    ///           f1 - f2 -------       (feature)
    @Test func parentTreesMatchTheParentsAndTheOrderIsUnchanged() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        _ = try commitFiles(repo, ["f": "0"], message: "b0", second: 10)
        let b1 = try commitFiles(repo, ["f": "1"], message: "b1", second: 20)
        _ = try commitFiles(repo, ["g": "1"], message: "f1", second: 30, branch: "refs/heads/feature", parents: [b1])
        let f2 = try commitFiles(repo, ["g": "2"], message: "f2", second: 40, branch: "refs/heads/feature")
        let m1 = try commitFiles(repo, ["h": "1"], message: "m1", second: 50)
        _ = try commitFiles(repo, ["g": "2"], message: "merge", second: 60, parents: [m1, f2])
        let late = try commitFiles(repo, ["k": "1"], message: "late", second: 15)

        var plain: [ObjectID] = []
        try repo.commitsNewestFirst(from: late) { commit in
            plain.append(commit.id)
            return true
        }
        var withTrees: [ObjectID] = []
        var handedOver = 0
        try repo.commitsNewestFirst(from: late) { commit, firstParentTree in
            withTrees.append(commit.id)
            if let parent = commit.parents.first {
                if let firstParentTree {
                    handedOver += 1
                    let expected = try repo.tree(ofCommit: parent)
                    #expect(firstParentTree == expected, "\(commit.message)")
                }
            } else {
                #expect(firstParentTree == nil)
            }
            return true
        }
        #expect(withTrees == plain)
        #expect(plain.count == 7)
        // Every commit but the first one has its parent's tree at hand in this history.
        #expect(handedOver == 6)

        // A walk that stops early stops at the same commit.
        var stopped: [ObjectID] = []
        try repo.commitsNewestFirst(from: late) { commit, _ in
            stopped.append(commit.id)
            return stopped.count < 3
        }
        #expect(stopped == Array(plain.prefix(3)))
    }
}
