import Foundation
import TestSupport
import Testing

@testable import GitFormats
@testable import GitKit

/// `recordInIndex`: after each commit the index equals HEAD (git sees a clean tree, `git write-tree`
/// gives HEAD's tree through the updated cache-tree), libgit2 still reads it, and git's checks pass.
@Suite struct IndexUpdateTests {
    /// Commits `files` (nil: remove) from the work tree the way baton's commit path does.
    @discardableResult
    private func commitWorkTree(_ repo: Repository, _ sb: Sandbox, _ files: [String: String?], second: Int) throws
        -> ObjectID
    {
        let work = repo.workTree
        let head = try repo.headCommit()
        let base = try head.map { try repo.commit($0).tree }
        var changes: [TreeChange] = []
        var committed: [CommittedPath] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            if let text {
                try sb.write(path, text, in: work)
                let file = try #require(try WorkTreeFile.read(root: work, relative: path))
                let blob = try repo.createBlob(file.data)
                changes.append(.upsert(path: path, blob: blob))
                committed.append(CommittedPath(path: path, blob: blob, file: file))
            } else {
                try? FileManager.default.removeItem(atPath: work + "/" + path)
                changes.append(.remove(path: path))
                committed.append(CommittedPath(path: path, blob: nil, file: nil))
            }
        }
        let tree = try repo.updatedTree(base: base, changes: changes)
        let sig = testSignature(second)
        let commit = try repo.createCommit(
            tree: tree, parents: head.map { [$0] } ?? [], author: sig, committer: sig, message: "c\(second)")
        try repo.updateReference("refs/heads/main", to: commit, expected: head, message: "test")
        try repo.recordInIndex(committed, oldTree: base, newTree: tree)
        return commit
    }

    private func expectIndexMatchesHead(
        _ repo: Repository, _ sb: Sandbox, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let work = repo.workTree
        let tree = try repo.commit(try #require(try repo.headCommit())).tree
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == "", sourceLocation: sourceLocation)
        #expect(try sb.git(["write-tree"], in: work).stdout == tree.hex + "\n", sourceLocation: sourceLocation)
        #expect(try sb.git(["fsck", "--no-progress"], in: work).status == 0, sourceLocation: sourceLocation)
        #expect(try repo.status() == [], sourceLocation: sourceLocation)
        #expect(try repo.scanStatus() == [], sourceLocation: sourceLocation)
        // The cache-tree stayed valid at the root and names HEAD's tree.
        let index = try IndexFile(path: repo.gitDirectory + "/index")
        let payload = try #require(index.extensionPayload("TREE"), sourceLocation: sourceLocation)
        let root = try TreeCacheNode.parse(UnsafeRawBufferPointer(rebasing: index.bytes[payload]))
        #expect(root.isValid, sourceLocation: sourceLocation)
        #expect(root.entryCount == index.count, sourceLocation: sourceLocation)
        #expect(
            root.oid.map { $0.map { String(format: "%02x", $0) }.joined() } == tree.hex, sourceLocation: sourceLocation)
    }

    @Test func commitsKeepTheIndexEqualToHeadThroughTheFastPath() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let work = repo.workTree
        var files: [String: String?] = ["baton.yml": "team: x\n"]
        for i in 0..<40 { files["notes/p\(i % 4)/2026/d\(i).md"] = "n\(i)\n" }
        try commitWorkTree(repo, sb, files, second: 1)  // first commit: libgit2 writes the index
        _ = try sb.git(["status"], in: work)  // git rewrites it with its own cache-tree
        try expectIndexMatchesHead(repo, sb)

        try commitWorkTree(repo, sb, ["notes/p1/2026/d1.md": "n1 more\n"], second: 2)  // modify
        try expectIndexMatchesHead(repo, sb)
        // New folders.
        try commitWorkTree(repo, sb, ["notes/p1/2027/d1.md": "new year\n", "tasks/abc.md": "t\n"], second: 3)
        try expectIndexMatchesHead(repo, sb)
        try commitWorkTree(repo, sb, ["notes/p2/2026/d2.md": nil], second: 4)  // remove
        try expectIndexMatchesHead(repo, sb)
        try commitWorkTree(repo, sb, ["tasks/abc.md": nil], second: 5)  // remove a whole folder
        try expectIndexMatchesHead(repo, sb)
        try commitWorkTree(repo, sb, ["notes/p3/2026/d3.md": "n3\n"], second: 6)  // unchanged content
        try expectIndexMatchesHead(repo, sb)
    }

    @Test func aStagedChangeElsewhereInvalidatesOnlyWhatItMust() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let work = repo.workTree
        try commitWorkTree(repo, sb, ["a/x.md": "x\n", "b/y.md": "y\n"], second: 1)
        _ = try sb.git(["status"], in: work)
        #expect(try repo.scanStatus() == [])  // the repository has parsed this index now
        try sb.write("a/z.md", "z\n", in: work)
        _ = try sb.git(["add", "a/z.md"], in: work)  // staged by hand, not committed: git replaces the index
        try commitWorkTree(repo, sb, ["b/y.md": "y2\n"], second: 2)
        // Spliced from the index git wrote, not from the copy parsed before: the staged file is still
        // staged and nothing else differs.
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == "A  a/z.md\n")
        #expect(try sb.git(["fsck", "--no-progress"], in: work).status == 0)
        #expect(try repo.scanStatus() == [StatusEntry(path: "a/z.md", change: .added)])
        #expect(try repo.status() == [StatusEntry(path: "a/z.md", change: .added)])
        _ = try sb.git(["commit", "-q", "-m", "z"], in: work)
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == "")
    }

    @Test func aRacilyCleanEntryIsSmudgedSoItsChangeIsNotLost() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let work = repo.workTree
        try commitWorkTree(repo, sb, ["a.md": "aaaa\n", "b.md": "b\n"], second: 1)
        _ = try sb.git(["status"], in: work)
        let head = try #require(try repo.headCommit())
        let tree = try repo.commit(head).tree
        let oldBlob = try #require(try repo.blobID(atPath: "a.md", inTree: tree))
        // The file changes (same size) and an entry claims the new stat data with the old content:
        // exactly what a same-tick edit after an index write looks like.
        try sb.write("a.md", "AAAA\n", in: work)
        let file = try #require(try WorkTreeFile.read(root: work, relative: "a.md"))
        try repo.recordInIndex([CommittedPath(path: "a.md", blob: oldBlob, file: file)], oldTree: tree, newTree: tree)
        // While the entry is as recent as the index, readers hash it.
        #expect(try repo.scanStatus() == [StatusEntry(path: "a.md", change: .modified)])
        Thread.sleep(forTimeInterval: 1.1)
        // Rewriting the index a second later must not make the entry look clean.
        try commitWorkTree(repo, sb, ["b.md": "b2\n"], second: 2)
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == " M a.md\n")
        #expect(try repo.scanStatus() == [StatusEntry(path: "a.md", change: .modified)])
    }
}

/// `scanStatus` refreshes the stat data of many hashed-and-unchanged entries, as `git status` does.
@Suite struct IndexRefreshTests {
    @Test func aScanOfARacyCloneRefreshesTheIndexWithoutHidingChanges() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let work = repo.workTree
        var files: [String: String?] = [:]
        for i in 0..<150 { files["notes/d\(i).md"] = "note \(i)\n" }
        let commit = try commitFiles(repo, files, second: 1)
        try repo.forceCheckout(tree: try repo.commit(commit).tree, paths: [])
        // Index and files written in the same second: every entry is racy, so the scan hashes them all.
        // (Their times are made equal, so a slow machine crossing a second boundary changes nothing.)
        var before = stat()
        stat(repo.gitDirectory + "/index", &before)
        let indexTime = try #require(
            try FileManager.default.attributesOfItem(atPath: repo.gitDirectory + "/index")[.modificationDate] as? Date)
        for path in files.keys {
            try FileManager.default.setAttributes([.modificationDate: indexTime], ofItemAtPath: work + "/" + path)
        }
        try sb.write("notes/d7.md", "NOTE 7\n", in: work)  // same size, new content
        #expect(try repo.scanStatus() == [StatusEntry(path: "notes/d7.md", change: .modified)])
        var after = stat()
        stat(repo.gitDirectory + "/index", &after)
        #expect(after.st_ino != before.st_ino, "the index was refreshed")
        Thread.sleep(forTimeInterval: 1.1)
        // The changed file stays changed for every reader once the index is no longer as recent as it.
        #expect(try repo.scanStatus() == [StatusEntry(path: "notes/d7.md", change: .modified)])
        #expect(try repo.status() == [StatusEntry(path: "notes/d7.md", change: .modified)])
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == " M notes/d7.md\n")
        #expect(try sb.git(["fsck", "--no-progress"], in: work).status == 0)
    }
}

/// The splice checks every entry as recent as the old index (all of them after `git reset --hard` or a
/// checkout) and smudges exactly those whose files changed without their stat data showing it.
extension IndexUpdateTests {
    @Test func aCommitAfterACheckoutSmudgesOnlyTheRacilyChangedEntries() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let work = repo.workTree
        var files: [String: String?] = [:]
        for i in 0..<300 { files[String(format: "notes/d%03d.md", i)] = "note \(i)\n" }
        let commit = try commitFiles(repo, files, second: 1)
        try repo.forceCheckout(tree: try repo.commit(commit).tree, paths: [])
        // Five files change after git recorded them, in a way their stat data does not show: the index
        // entries get the changed files' stat data but keep the old ids.
        let changed = [3, 64, 65, 150, 299].map { String(format: "notes/d%03d.md", $0) }
        for path in changed { try sb.write(path, (files[path]!!).uppercased(), in: work) }
        let indexPath = repo.gitDirectory + "/index"
        var index = try IndexFile(path: indexPath)
        let restamped = try changed.map { path -> (entry: Int, stat: IndexStat) in
            let entry = try #require(index.find(Array(path.utf8)))
            var st = stat()
            lstat(work + "/" + path, &st)
            return (entry, IndexStat(st, mode: index.mode(entry)))
        }
        IndexRefresh(repository: repo, index: index).write(restamped, smudging: [])
        // The index is no newer than any file: every entry is racy.
        var oldest = timespec(tv_sec: Int.max, tv_nsec: 0)
        for path in files.keys {
            var st = stat()
            lstat(work + "/" + path, &st)
            if st.st_mtim.tv_sec < oldest.tv_sec { oldest = timespec(tv_sec: st.st_mtim.tv_sec, tv_nsec: 0) }
        }
        var times = [oldest, oldest]
        #expect(utimensat(AT_FDCWD, indexPath, &times, 0) == 0)
        index = try IndexFile(path: indexPath)
        #expect((0..<index.count).allSatisfy { Int(index.mtimeSeconds($0)) >= index.modifiedSeconds })

        try commitWorkTree(repo, sb, ["other.md": "other\n"], second: 2)

        let after = try IndexFile(path: indexPath)
        #expect(after.count == 301)
        for i in 0..<after.count {
            let path = after.path(i)
            #expect((after.size(i) == 0) == changed.contains(path), "\(path): size \(after.size(i))")
        }
        let expected = changed.map { " M \($0)\n" }.joined()
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == expected)
        #expect(try sb.git(["fsck", "--no-progress"], in: work).status == 0)
    }
}
