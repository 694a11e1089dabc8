import Foundation
import Testing

@testable import GitKit

@Suite struct HistoryAndDiffTests {
    @Test func diffReportsAddedModifiedDeletedAndFiltersPaths() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let c1 = try commitFiles(
            repo, ["a.md": "a1\n", "b.md": "b\n", "dir/c.md": "c\n", "dir2/k.md": "k\n"], second: 1)
        let c2 = try commitFiles(
            repo, ["a.md": "a2\n", "b.md": nil, "dir/d.md": "d\n", "other/e.md": "e\n", "dir2/k.md": nil], second: 2)
        let t1 = try repo.commit(c1).tree
        let t2 = try repo.commit(c2).tree
        let blob = { (tree: ObjectID, path: String) in try repo.blobID(atPath: path, inTree: tree) }

        let deltas = try repo.diff(from: t1, to: t2).sorted { $0.path < $1.path }
        #expect(
            deltas == [
                TreeDelta(
                    path: "a.md", status: .modified, oldBlob: try blob(t1, "a.md"), newBlob: try blob(t2, "a.md")),
                TreeDelta(path: "b.md", status: .deleted, oldBlob: try blob(t1, "b.md"), newBlob: nil),
                TreeDelta(path: "dir/d.md", status: .added, oldBlob: nil, newBlob: try blob(t2, "dir/d.md")),
                TreeDelta(path: "dir2/k.md", status: .deleted, oldBlob: try blob(t1, "dir2/k.md"), newBlob: nil),
                TreeDelta(path: "other/e.md", status: .added, oldBlob: nil, newBlob: try blob(t2, "other/e.md")),
            ])
        // The same as git's view.
        let witness = try sb.git(["diff", "--name-status", "--no-renames", t1.hex, t2.hex], in: sb.path("work")).stdout
        let letters: [TreeDelta.Status: String] = [.added: "A", .modified: "M", .deleted: "D"]
        #expect(witness == deltas.map { "\(letters[$0.status]!)\t\($0.path)\n" }.joined())

        // Reverse direction swaps added and deleted.
        let reverse = try repo.diff(from: t2, to: t1).sorted { $0.path < $1.path }
        #expect(reverse.map(\.status) == [.modified, .added, .deleted, .added, .deleted])

        // Path filtering: files and folders are literal paths, not prefixes of names.
        #expect(try repo.diff(from: t1, to: t2, paths: ["a.md"]).map(\.path) == ["a.md"])
        #expect(try repo.diff(from: t1, to: t2, paths: ["dir"]).map(\.path) == ["dir/d.md"])
        #expect(try repo.diff(from: t1, to: t2, paths: ["dir/"]).map(\.path) == ["dir/d.md"])
        #expect(try repo.diff(from: t1, to: t2, paths: ["di"]).isEmpty)
        #expect(try repo.diff(from: t1, to: t2, paths: ["*.md"]).isEmpty, "no glob matching")
        #expect(Set(try repo.diff(from: t1, to: t2, paths: ["b.md", "other"]).map(\.path)) == ["b.md", "other/e.md"])
        #expect(try repo.diff(from: t1, to: t2, paths: ["unrelated.md"]).isEmpty)

        // nil means the empty tree on either side; identical trees have no deltas.
        let fromNothing = try repo.diff(from: nil, to: t1)
        #expect(Set(fromNothing.map(\.path)) == ["a.md", "b.md", "dir/c.md", "dir2/k.md"])
        #expect(fromNothing.allSatisfy { $0.status == .added && $0.oldBlob == nil && $0.newBlob != nil })
        let toNothing = try repo.diff(from: t2, to: nil)
        #expect(Set(toNothing.map(\.path)) == ["a.md", "dir/c.md", "dir/d.md", "other/e.md"])
        #expect(toNothing.allSatisfy { $0.status == .deleted && $0.newBlob == nil && $0.oldBlob != nil })
        #expect(try repo.diff(from: nil, to: nil).isEmpty)
        #expect(try repo.diff(from: t1, to: t1).isEmpty)
        #expect(try repo.diff(from: try repo.emptyTree(), to: t1).count == 4)
    }

    /// b0 - b1 - m1 ------ M   (main)
    ///        \           /
    ///         f1 - f2 --     (feature)
    @Test func mergeBaseAncestryAheadBehindAndWalk() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let workPath = sb.path("work")
        let repo = try Repository.create(at: workPath)
        let b0 = try commitFiles(repo, ["f": "0"], message: "b0", second: 10)
        let b1 = try commitFiles(repo, ["f": "1"], message: "b1", second: 20)
        let f1 = try commitFiles(
            repo, ["g": "1"], message: "f1", second: 30, branch: "refs/heads/feature", parents: [b1])
        let f2 = try commitFiles(repo, ["g": "2"], message: "f2", second: 40, branch: "refs/heads/feature")
        let m1 = try commitFiles(repo, ["h": "1"], message: "m1", second: 50)
        let merge = try commitFiles(repo, ["g": "2"], message: "merge", second: 60, parents: [m1, f2])
        let orphan = try commitFiles(
            repo, ["x": "x"], message: "orphan", second: 70, branch: "refs/heads/orphan", parents: [])

        #expect(try repo.mergeBase(m1, f2) == b1)
        #expect(try repo.mergeBase(f2, m1) == b1)
        #expect(try repo.mergeBase(merge, f2) == f2)
        #expect(try repo.mergeBase(b1, b1) == b1)
        #expect(try repo.mergeBase(m1, orphan) == nil)
        #expect(
            try repo.mergeBase(m1, f2)?.hex
                == (try sb.git(["merge-base", m1.hex, f2.hex], in: workPath).stdout.trimmingCharacters(
                    in: .whitespacesAndNewlines)))

        #expect(try repo.isAncestor(b0, of: f2))
        #expect(try repo.isAncestor(f2, of: merge))
        #expect(try repo.isAncestor(m1, of: m1))
        #expect(try !repo.isAncestor(f2, of: m1))
        #expect(try !repo.isAncestor(merge, of: b0))
        #expect(try !repo.isAncestor(orphan, of: merge))

        let ab = try repo.aheadBehind(local: m1, upstream: f2)
        #expect(ab.ahead == 1 && ab.behind == 2)
        let ba = try repo.aheadBehind(local: f2, upstream: m1)
        #expect(ba.ahead == 2 && ba.behind == 1)
        let same = try repo.aheadBehind(local: b1, upstream: b1)
        #expect(same.ahead == 0 && same.behind == 0)
        let ff = try repo.aheadBehind(local: b0, upstream: merge)
        #expect(ff.ahead == 0 && ff.behind == 5)
        let counts = try sb.git(["rev-list", "--left-right", "--count", "\(m1.hex)...\(f2.hex)"], in: workPath).stdout
        #expect(counts == "1\t2\n")

        func walked(from: ObjectID, hiding: [ObjectID] = [], reverse: Bool = false) throws -> [ObjectID] {
            var ids: [ObjectID] = []
            try repo.walk(from: from, hiding: hiding, reverse: reverse) {
                ids.append($0)
                return true
            }
            return ids
        }
        #expect(try walked(from: f2) == [f2, f1, b1, b0])
        #expect(try walked(from: f2, reverse: true) == [b0, b1, f1, f2])
        #expect(try walked(from: f2, hiding: [m1]) == [f2, f1])
        #expect(try walked(from: f2, hiding: [m1], reverse: true) == [f1, f2])
        #expect(try walked(from: b1, hiding: [f2]).isEmpty)
        #expect(try walked(from: merge, hiding: [m1, f1]) == [merge, f2])
        #expect(try walked(from: orphan) == [orphan])

        // A merge walks every commit once, each before its parents.
        let all = try walked(from: merge)
        #expect(Set(all) == [merge, m1, f2, f1, b1, b0])
        #expect(all.count == 6)
        #expect(all.first == merge && all.last == b0)
        for id in all {
            let position = all.firstIndex(of: id)!
            for parent in try repo.commit(id).parents {
                #expect(all.firstIndex(of: parent)! > position)
            }
        }
        let revList = try sb.git(["rev-list", merge.hex], in: workPath).stdout.split(separator: "\n").map(String.init)
        #expect(Set(revList) == Set(all.map(\.hex)))

        // Stopping early.
        var seen: [ObjectID] = []
        try repo.walk(from: merge) {
            seen.append($0)
            return seen.count < 2
        }
        #expect(seen.count == 2)
        #expect(seen.first == merge)

        // Errors from the body propagate.
        struct Stop: Error {}
        #expect(throws: Stop.self) { try repo.walk(from: merge) { _ in throw Stop() } }

        // Walking from a missing commit fails.
        let absent = try #require(ObjectID(hex: String(repeating: "0f", count: 20)))
        #expect(throws: GitError.self) { try repo.walk(from: absent) { _ in true } }
    }
}
