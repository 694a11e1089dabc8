import Foundation
import Testing

@testable import GitKit

@Suite struct CommitAndRefTests {
    @Test func createCommitAndTheGitCLISeesIt() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let workPath = sb.path("work")
        let repo = try Repository.create(at: workPath)
        #expect(repo.workTree == workPath)
        #expect(repo.gitDirectory == workPath + "/.git")
        #expect(try repo.headCommit() == nil)
        #expect(try repo.headBranchReference() == "refs/heads/main")
        #expect(!repo.hasOperationInProgress)

        let first = try commitFiles(
            repo, ["README.md": "hello\n", "notes/a.md": "alpha\n"], message: "first line\n\nthe body\n", second: 10)
        let second = try commitFiles(
            repo, ["notes/a.md": "alpha 2\n", "notes/b.md": "beta\n"], message: "second", second: 20)
        #expect(try repo.headCommit() == second)
        #expect(try repo.referenceTarget("refs/heads/main") == second)

        let c1 = try repo.commit(first)
        #expect(c1.id == first)
        #expect(c1.parents.isEmpty)
        #expect(c1.message == "first line\n\nthe body\n")
        #expect(c1.summary == "first line")
        #expect(c1.author == testSignature(10))
        #expect(c1.committer == testSignature(10))
        let c2 = try repo.commit(second)
        #expect(c2.parents == [first])
        #expect(c2.summary == "second")
        #expect(try repo.fileData(atPath: "notes/a.md", inCommit: second) == Data("alpha 2\n".utf8))
        #expect(try repo.fileData(atPath: "notes/a.md", inCommit: first) == Data("alpha\n".utf8))
        #expect(try repo.fileData(atPath: "notes/b.md", inCommit: first) == nil)

        // The git CLI as an independent witness.
        let log = try sb.git(["log", "--format=%H|%P|%an|%ae|%at|%ai|%s"], in: workPath).stdout
        let lines = log.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines.first
                == "\(second.hex)|\(first.hex)|Ada Tester|ada@example.invalid|1700000020|2023-11-14 23:13:40 +0100|second"
        )
        #expect(lines.last?.hasPrefix("\(first.hex)||Ada Tester|") == true)
        #expect(lines.last?.hasSuffix("|first line") == true)
        #expect(try sb.git(["show", "\(second.hex):notes/b.md"], in: workPath).stdout == "beta\n")
        #expect(
            try sb.git(["log", "-1", "--format=%B", first.hex], in: workPath).stdout == "first line\n\nthe body\n\n")
        let fsck = try sb.git(["fsck", "--strict", "--no-dangling"], in: workPath)
        #expect(fsck.status == 0)
        #expect(fsck.stdout.isEmpty)
        #expect(fsck.stderr.isEmpty)

        // The commit was built without the index: git sees staged deletions until `stage` catches up.
        #expect(try sb.git(["status", "--porcelain"], in: workPath).stdout.contains("README.md"))
        try sb.write("README.md", "hello\n", in: workPath)
        try sb.write("notes/a.md", "alpha 2\n", in: workPath)
        try sb.write("notes/b.md", "beta\n", in: workPath)
        let stagedTree = try repo.stage(paths: ["README.md", "notes/a.md", "notes/b.md"])
        #expect(stagedTree == c2.tree)
        #expect(try sb.git(["status", "--porcelain"], in: workPath).stdout == "")
        #expect(try repo.status() == [])
        #expect(try sb.git(["rev-parse", "HEAD^{tree}"], in: workPath).stdout == c2.tree.hex + "\n")
    }

    @Test func compareAndSwapRefusesAStaleExpectedID() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let main = "refs/heads/main"
        let c1 = try commitFiles(repo, ["a.txt": "1\n"], second: 1)
        let c2 = try commitFiles(repo, ["a.txt": "2\n"], second: 2)
        // A competing commit built on the old tip c1, as a concurrent writer would.
        let rival = try commitFiles(repo, ["a.txt": "rival\n"], second: 3, parents: [c1], moveBranch: false)

        let stale = gitError { try repo.updateReference(main, to: rival, expected: c1, message: "stale") }
        // libgit2 1.5 reports a mismatched old value as GIT_EMODIFIED, which GitKit maps to `.rejected`.
        #expect(stale?.code == -15)
        #expect(stale?.kind == .rejected)
        #expect(stale?.operation == "update \(main)")
        #expect(try repo.referenceTarget(main) == c2)
        #expect(try sb.git(["rev-parse", "main"], in: sb.path("work")).stdout == c2.hex + "\n")

        // Expecting "no such ref" while the ref exists is refused as `.exists`.
        let exists = gitError { try repo.updateReference(main, to: rival, expected: nil, message: "create") }
        #expect(exists?.kind == .exists)
        #expect(try repo.referenceTarget(main) == c2)

        // Expecting a ref that does not exist yet fails too and creates nothing.
        let missing = gitError { try repo.updateReference("refs/heads/other", to: rival, expected: c1, message: "x") }
        #expect(missing != nil)
        #expect(try repo.referenceTarget("refs/heads/other") == nil)

        // The right expectation moves it; creation with nil works for a new ref.
        try repo.updateReference(main, to: rival, expected: c2, message: "swap")
        #expect(try repo.referenceTarget(main) == rival)
        try repo.updateReference("refs/heads/other", to: c1, expected: nil, message: "new")
        #expect(try repo.referenceTarget("refs/heads/other") == c1)
        try repo.forceReference("refs/remotes/origin/main", to: c2, message: "track")
        try repo.forceReference("refs/remotes/origin/main", to: c1, message: "track again")
        #expect(try repo.referenceTarget("refs/remotes/origin/main") == c1)
        #expect(try repo.referenceNames(under: "refs/heads/") == ["refs/heads/main", "refs/heads/other"])
        #expect(try repo.referenceNames(under: "refs/remotes/origin/") == ["refs/remotes/origin/main"])
        #expect(try repo.referenceTarget("refs/heads/nope") == nil)

        // The reflog records the messages given.
        let reflog = try sb.git(["reflog", "show", "--format=%gs", "main"], in: sb.path("work")).stdout
        #expect(reflog.hasPrefix("swap\n"))

        // setHead switches to an (unborn) branch.
        try repo.setHead("refs/heads/fresh")
        #expect(try repo.headBranchReference() == "refs/heads/fresh")
        #expect(try repo.headCommit() == nil)
    }

    @Test func blobsRoundTripTextBinaryAndEmpty() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let workPath = sb.path("work")
        let repo = try Repository.create(at: workPath)

        var binary = Data((0...255).map { UInt8($0) })
        binary.append(contentsOf: [0, 0, 0xFF, 0xFE, 0x0D, 0x0A, 0])
        var large = Data(count: 300_000)
        for i in 0..<large.count { large[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
        let samples: [(String, Data)] = [
            ("text", Data("héllo wörld\nsecond line\r\n".utf8)),
            ("binary", binary),
            ("empty", Data()),
            ("large", large),
        ]
        for (name, data) in samples {
            let id = try repo.createBlob(data)
            #expect(try repo.blobData(id) == data, "\(name)")
            #expect(try repo.createBlob(data) == id, "\(name) is content addressed")
            // git computes the same id for the same bytes.
            try data.write(to: URL(fileURLWithPath: sb.path(name + ".bin")))
            let hashed = try sb.git(["hash-object", sb.path(name + ".bin")], in: workPath).stdout
            #expect(hashed == id.hex + "\n", "\(name)")
            #expect(try sb.git(["cat-file", "-s", id.hex], in: workPath).stdout == "\(data.count)\n")
        }
        #expect(try repo.createBlob(Data()).hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")

        let absent = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let error = gitError { _ = try repo.blobData(absent) }
        #expect(error?.kind == .notFound)
        #expect(error?.description.hasPrefix("read blob abababab: ") == true)

        // Binary and empty files survive a commit and read back through fileData.
        let commit = try commitFiles(repo, ["empty.txt": "", "plain.txt": "x"], second: 1)
        let binaryBlob = try repo.createBlob(binary)
        let tree = try repo.updatedTree(
            base: try repo.commit(commit).tree, changes: [.upsert(path: "bin/data.bin", blob: binaryBlob)])
        let sig = testSignature(2)
        let c2 = try repo.createCommit(tree: tree, parents: [commit], author: sig, committer: sig, message: "binary")
        #expect(try repo.fileData(atPath: "bin/data.bin", inCommit: c2) == binary)
        #expect(try repo.fileData(atPath: "empty.txt", inCommit: c2) == Data())
        #expect(try sb.git(["fsck", "--strict", "--no-dangling"], in: workPath).status == 0)
    }

    @Test func treesFilesAndUpdates() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let workPath = sb.path("work")
        let repo = try Repository.create(at: workPath)

        let empty = try repo.emptyTree()
        #expect(empty.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        #expect(try repo.files(inTree: empty).isEmpty)
        #expect(try repo.updatedTree(base: nil, changes: []) == empty)

        let a = try repo.createBlob(Data("a".utf8))
        let b = try repo.createBlob(Data("b".utf8))
        let c = try repo.createBlob(Data("c".utf8))
        let tree = try repo.updatedTree(
            base: nil,
            changes: [
                .upsert(path: "top.md", blob: a),
                .upsert(path: "notes/2026/one.md", blob: b),
                .upsert(path: "notes/two.md", blob: c),
                .upsert(path: "notes-old/x.md", blob: a),
            ])
        let files = try repo.files(inTree: tree)
        #expect(files == ["top.md": a, "notes/2026/one.md": b, "notes/two.md": c, "notes-old/x.md": a])
        #expect(try repo.files(inTree: tree, under: "notes/") == ["notes/2026/one.md": b, "notes/two.md": c])
        #expect(try repo.files(inTree: tree, under: "zzz/").isEmpty)
        #expect(try repo.blobID(atPath: "notes/two.md", inTree: tree) == c)
        #expect(try repo.blobID(atPath: "notes", inTree: tree) == nil, "a folder is not a file")
        #expect(try repo.blobID(atPath: "missing.md", inTree: tree) == nil)
        #expect(try repo.blobID(atPath: "notes/missing/deeper.md", inTree: tree) == nil)

        // git lists the same files.
        let listed = try sb.git(
            ["ls-tree", "-r", "--format=%(objectname) %(path)", tree.hex], in: workPath, allowFailure: true)
        if listed.status == 0 {
            let pairs = listed.stdout.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1) }
            #expect(
                Dictionary(uniqueKeysWithValues: pairs.map { (String($0[1]), String($0[0])) }) == files.mapValues(\.hex)
            )
        } else {
            let plain = try sb.git(["ls-tree", "-r", "--name-only", tree.hex], in: workPath).stdout
            #expect(Set(plain.split(separator: "\n").map(String.init)) == Set(files.keys))
        }

        // Replacing, removing, and removing the last file of a folder.
        let updated = try repo.updatedTree(
            base: tree,
            changes: [
                .upsert(path: "top.md", blob: c),
                .remove(path: "notes/2026/one.md"),
                .remove(path: "notes-old/x.md"),
            ])
        #expect(try repo.files(inTree: updated) == ["top.md": c, "notes/two.md": c])
        let names = try sb.git(["ls-tree", "--name-only", updated.hex], in: workPath).stdout
        #expect(names == "notes\ntop.md\n", "emptied folders are dropped from the tree")
        let notes = try sb.git(["ls-tree", "--name-only", updated.hex + ":notes"], in: workPath).stdout
        #expect(notes == "two.md\n")
        // The original tree is untouched (trees are immutable).
        #expect(try repo.files(inTree: tree).count == 4)
        // Removing a path that is not there (e.g. below a folder a symlink replaced) changes nothing.
        #expect(try repo.updatedTree(base: updated, changes: [.remove(path: "nope.md")]) == updated)

        let sig = testSignature()
        let commit = try repo.createCommit(tree: updated, parents: [], author: sig, committer: sig, message: "m")
        try repo.updateReference("refs/heads/main", to: commit, expected: nil, message: "m")
        let fsck = try sb.git(["fsck", "--strict", "--no-dangling"], in: workPath)
        #expect(fsck.status == 0)
        #expect(fsck.stderr.isEmpty)

        // A commit needs an existing tree and existing parents.
        let absent = try #require(ObjectID(hex: String(repeating: "cd", count: 20)))
        #expect(
            gitError {
                _ = try repo.createCommit(tree: absent, parents: [], author: sig, committer: sig, message: "m")
            }?.kind == .notFound)
        #expect(
            gitError {
                _ = try repo.createCommit(tree: updated, parents: [absent], author: sig, committer: sig, message: "m")
            }?.kind == .notFound)
        #expect(gitError { _ = try repo.commit(absent) }?.kind == .notFound)
    }
}
