import Foundation
import TestSupport
import Testing

@testable import GitFormats
@testable import GitKit

@Suite struct RawTreeDiffTests {
    /// Names that sort next to each other in git's tree order in every tricky way: a folder `x` after
    /// the file `x.md`, `x-` and `x0` around `x/`, prefixes of each other.
    private static let names = [
        "x", "x.md", "x-", "x0", "xy", "a", "a.md", "b", "tasks", "t1.md", "t10.md", "t2.md", "z",
    ]

    /// Random edits to a tree of files and folders; after each, every comparison (whole trees, one
    /// path, a folder, with remembered lookup positions) equals libgit2's `git_diff_tree_to_tree`.
    @Test func rawComparisonsMatchLibgit2OnRandomTrees() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        var rng = SplitMix64(seed: 77)
        var files: [String: String] = [:]
        // Many entries in one folder, as in tasks/, so identical heads and tails are long.
        var start: [TreeChange] = []
        for i in 0..<300 {
            files["tasks/t\(i).md"] = "task \(i)"
            start.append(.upsert(path: "tasks/t\(i).md", blob: try repo.createBlob(Data("task \(i)".utf8))))
        }
        var trees: [ObjectID] = [try repo.emptyTree(), try repo.updatedTree(base: nil, changes: start)]
        func randomPath() -> String {
            let depth = Int.random(in: 1...3, using: &rng)
            return (0..<depth).map { _ in Self.names.randomElement(using: &rng)! }.joined(separator: "/")
        }
        for round in 0..<120 {
            var changes: [TreeChange] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                var path =
                    Int.random(in: 0..<3, using: &rng) == 0
                    ? "tasks/t\(Int.random(in: 0..<320, using: &rng)).md" : randomPath()
                // A file may not sit where a folder is, or inside a file: pick another path then.
                let clashes = files.keys.contains { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }
                if clashes { path = "tasks/t\(round + 400).md" }
                if changes.contains(where: { $0.path == path }) { continue }
                if files[path] != nil && Bool.random(using: &rng) {
                    files[path] = nil
                    changes.append(.remove(path: path))
                } else {
                    let text = "v\(round) \(path)"
                    files[path] = text
                    changes.append(.upsert(path: path, blob: try repo.createBlob(Data(text.utf8))))
                }
            }
            trees.append(try repo.updatedTree(base: trees.last, changes: changes))
        }
        let watched = ["tasks/t7.md", "tasks/t12.md", "x", "x.md", "a/x", "tasks", "missing/file.md"]
        let comparer = TreeComparer(repository: repo, paths: watched)
        // Newest first, as history walks go, so remembered positions are exercised.
        for index in stride(from: trees.count - 1, to: 0, by: -1) {
            let (old, new) = (trees[index - 1], trees[index])
            #expect(try repo.diff(from: old, to: new) == (try repo.libgit2Diff(from: old, to: new)))
            #expect(try repo.diff(from: new, to: old) == (try repo.libgit2Diff(from: new, to: old)))
            let path = [randomPath(), "tasks/t\(Int.random(in: 0..<320, using: &rng)).md", "tasks"].randomElement(
                using: &rng)!
            #expect(
                try repo.diff(from: old, to: new, paths: [path])
                    == (try repo.libgit2Diff(from: old, to: new, paths: [path])))
            #expect(
                try comparer.deltas(from: old, to: new) == (try repo.libgit2Diff(from: old, to: new, paths: watched)))
        }
        // Trees far apart too.
        for _ in 0..<30 {
            let a = trees.randomElement(using: &rng)!
            let b = trees.randomElement(using: &rng)!
            #expect(try repo.diff(from: a, to: b) == (try repo.libgit2Diff(from: a, to: b)))
        }
    }

    @Test func lookupsFindEveryEntryWithAndWithoutHints() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let blob = try repo.createBlob(Data("x".utf8))
        let paths = Self.names.filter { $0 != "x" } + ["x/inner.md"]
        let tree = try repo.updatedTree(base: nil, changes: paths.map { .upsert(path: $0, blob: blob) })
        let raw = try RawTree(repository: repo, id: tree.rawID)
        for name in Self.names {
            let found = try #require(raw.find(Array(name.utf8)), "\(name)")
            #expect(raw.nameString(of: found) == name)
            #expect(found.isTree == (name == "x"))
            // A wrong hint (inside another entry) falls back to the scan.
            for hint in [0, 1, 5, found.start + 1, raw.bytes.count - 3, raw.bytes.count + 10] {
                #expect(raw.find(Array(name.utf8), hint: hint)?.start == found.start)
            }
        }
        #expect(raw.find(Array("x/inner.md".utf8)) == nil)
        #expect(raw.find(Array("w".utf8)) == nil)
        #expect(raw.find(Array("zz".utf8)) == nil)
    }

    /// The walk returns every commit once, newest commit time first, as `git log` lists them.
    @Test func newestFirstWalkMatchesGitLog() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let workPath = sb.path("work")
        let repo = try Repository.create(at: workPath)
        let b0 = try commitFiles(repo, ["f": "0"], message: "b0", second: 10)
        let b1 = try commitFiles(repo, ["f": "1"], message: "b1", second: 20)
        _ = try commitFiles(repo, ["g": "1"], message: "f1", second: 35, branch: "refs/heads/feature", parents: [b1])
        let f2 = try commitFiles(repo, ["g": "2"], message: "f2", second: 50, branch: "refs/heads/feature")
        let m1 = try commitFiles(repo, ["h": "1"], message: "m1", second: 30)
        let merge = try commitFiles(repo, ["g": "2"], message: "merge", second: 60, parents: [m1, f2])
        var walked: [ObjectID] = []
        try repo.commitsNewestFirst(from: merge) {
            walked.append($0.id)
            return true
        }
        let log = try sb.git(["log", "--format=%H", merge.hex], in: workPath).stdout.split(separator: "\n").map(
            String.init)
        #expect(walked.map(\.hex) == log)
        #expect(walked.last == b0)
        var stopped: [ObjectID] = []
        try repo.commitsNewestFirst(from: merge) {
            stopped.append($0.id)
            return stopped.count < 2
        }
        #expect(stopped == [merge, f2])
        #expect(try repo.tree(ofCommit: m1) == (try repo.commit(m1).tree))
    }
}

extension TreeChange {
    fileprivate var path: String {
        switch self {
        case .upsert(let path, _, _), .remove(let path): path
        }
    }
}

@Suite struct TreeSpliceTests {
    /// Random upserts and removals, in folders of every depth and in a large flat folder: the raw
    /// splice writes exactly the tree libgit2's `git_tree_create_updated` writes (same id), and
    /// falls back to libgit2 for what it does not handle (same result or same error).
    @Test func splicedTreesEqualLibgit2s() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        var rng = SplitMix64(seed: 2027)
        let names = ["x", "x.md", "x-", "x0", "a", "a.md", "tasks", "t1.md", "t10.md", "notes", "2026", "z"]
        var start: [TreeChange] = []
        for i in 0..<400 {
            start.append(.upsert(path: "tasks/t\(i).md", blob: try repo.createBlob(Data("task \(i)".utf8))))
        }
        var tree = try repo.libgit2UpdatedTree(base: try repo.emptyTree(), changes: start)
        var spliced = 0
        for round in 0..<300 {
            var changes: [TreeChange] = []
            var used = Set<String>()
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let path: String
                if Bool.random(using: &rng) {
                    path = "tasks/t\(Int.random(in: 0..<450, using: &rng)).md"
                } else {
                    path = (0..<Int.random(in: 1...3, using: &rng)).map { _ in names.randomElement(using: &rng)! }
                        .joined(separator: "/")
                }
                guard used.insert(path).inserted else { continue }
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    changes.append(.remove(path: path))
                } else {
                    changes.append(.upsert(path: path, blob: try repo.createBlob(Data("r\(round) \(path)".utf8))))
                }
            }
            let viaLibgit2 = Result { try repo.libgit2UpdatedTree(base: tree, changes: changes) }
            let viaSplice = Result { try TreeSplice(repository: repo).apply(base: tree, changes: changes) }
            switch (viaLibgit2, viaSplice) {
            case (.success(let expected), .success(let got?)):
                #expect(got == expected, "round \(round): \(changes)")
                spliced += 1
            case (_, .success(nil)):
                break  // handed to libgit2
            case (.failure, .failure):
                break
            default:
                Issue.record("round \(round): libgit2 \(viaLibgit2), splice \(viaSplice) for \(changes)")
            }
            #expect((try? repo.updatedTree(base: tree, changes: changes)) == (try? viaLibgit2.get()))
            if case .success(let next) = viaLibgit2 { tree = next }
        }
        #expect(spliced > 80, "too few rounds took the raw path")
        // What libgit2 refuses or rewrites is left to it: ids that are not blobs, `.git` names,
        // submodule entries.
        let commitID = try repo.createCommit(
            tree: tree, parents: [], author: testSignature(2), committer: testSignature(2), message: "c")
        let blob = try repo.createBlob(Data("b".utf8))
        let splice = TreeSplice(repository: repo)
        #expect(try splice.apply(base: tree, changes: [.upsert(path: "tasks/x.md", blob: commitID)]) == nil)
        #expect(try splice.apply(base: tree, changes: [.upsert(path: ".git/x", blob: blob)]) == nil)
        #expect(try splice.apply(base: tree, changes: [.upsert(path: "a/.GIT", blob: blob)]) == nil)
        #expect(try splice.apply(base: tree, changes: [.upsert(path: "tasks/caf\u{E9}.md", blob: blob)]) == nil)
        #expect(try splice.apply(base: tree, changes: [.upsert(path: "tasks/new.md", blob: blob)]) != nil)
        // Every written tree is valid for git itself.
        let commit = try repo.createCommit(
            tree: tree, parents: [], author: testSignature(1), committer: testSignature(1), message: "m")
        try repo.updateReference("refs/heads/main", to: commit, expected: nil, message: "test")
        let fsck = try sb.git(["fsck", "--strict", "--no-progress"], in: sb.path("work"))
        #expect(fsck.status == 0, "\(fsck.stderr)")
    }
}
