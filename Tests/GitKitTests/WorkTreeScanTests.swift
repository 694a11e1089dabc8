import Foundation
import TestSupport
import Testing

@testable import GitFormats
@testable import GitKit

/// `scanStatus` (raw index, parallel lstat, folder listing) against libgit2's `status()` and against
/// `git status`, on random hand edits of every kind.
@Suite struct WorkTreeScanTests {

    private func journalRepo(_ sb: Sandbox, files: Int) throws -> Repository {
        let repo = try Repository.create(at: sb.path("work"))
        var content: [String: String?] = [".gitignore": "*.log\nbuild/\n"]
        for i in 0..<files {
            content["notes/p\(i % 5)/2026/day-\(i).md"] = "note \(i)\n"
            if i % 3 == 0 { content["tasks/t\(i).md"] = "task \(i)\nstatus: todo\n" }
        }
        let commit = try commitFiles(repo, content, message: "base", second: 1)
        try repo.forceCheckout(tree: try repo.commit(commit).tree, paths: [])
        return repo
    }

    /// The paths `git status` reports, without renames, every untracked file listed.
    private func gitPaths(_ sb: Sandbox, _ work: String) throws -> [String] {
        let out = try sb.git(["status", "--porcelain", "--no-renames", "--untracked-files=all"], in: work).stdout
        return Set(out.split(separator: "\n").map { String($0.dropFirst(3)) }).sorted()
    }

    private func randomEdit(_ sb: Sandbox, _ repo: Repository, _ rng: inout SplitMix64) throws {
        let work = repo.workTree
        let tracked = try repo.files(inTree: try repo.commit(try #require(try repo.headCommit())).tree).keys.sorted()
        let path = tracked[Int.random(in: 0..<tracked.count, using: &rng)]
        let full = work + "/" + path
        switch Int.random(in: 0..<11, using: &rng) {
        case 0:  // same size, new content: only the hash can tell
            if var text = sb.read(path, in: work), !text.isEmpty {
                text = String(text.reversed())
                if text == sb.read(path, in: work) { text = String(repeating: "x", count: text.utf8.count) }
                try sb.write(path, text, in: work)
            }
        case 1: try sb.write(path, (sb.read(path, in: work) ?? "") + "appended\n", in: work)
        case 2: try? FileManager.default.removeItem(atPath: full)
        case 3: try sb.write("notes/p1/new-\(rng.next() % 1000).md", "new\n", in: work)
        case 4: try sb.write("fresh/deep/\(rng.next() % 1000)/n.md", "n\n", in: work)
        case 5: try sb.write("notes/p2/ignored-\(rng.next() % 100).log", "log\n", in: work)
        case 6: try sb.write("build/out-\(rng.next() % 100).bin", "bin\n", in: work)
        case 7: chmod(full, 0o755)
        case 8: _ = try sb.git(["add", "-A", "notes/p0"], in: work, allowFailure: true)
        case 9: _ = try sb.git(["rm", "-q", "--cached", path], in: work, allowFailure: true)
        default:  // touch without changing content: stat differs, content does not
            var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
            utimensat(AT_FDCWD, full, &times, 0)
        }
    }

    @Test func scanStatusAgreesWithLibgit2AndGitOnRandomEdits() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try journalRepo(sb, files: 120)
        let work = repo.workTree
        #expect(try repo.scanStatus() == [])
        var rng = SplitMix64(seed: 20_261_125)
        for round in 0..<12 {
            for _ in 0..<(1 + round % 4) { try randomEdit(sb, repo, &rng) }
            // The fast path itself (no fallback to libgit2), so the comparison means something.
            let scanned = try #require(try WorkTreeScan(repository: repo).run(), "round \(round)")
            #expect(scanned == (try repo.status()), "round \(round)")
            #expect(scanned.map(\.path).sorted() == (try gitPaths(sb, work)), "round \(round)")
            if round % 3 == 2 {
                // Let git rewrite the index (its own stat data and cache-tree), then compare again.
                _ = try sb.git(["add", "-A"], in: work)
                _ = try sb.git(["commit", "-q", "-m", "round \(round)"], in: work)
                #expect(try repo.scanStatus() == [])
            }
        }
    }

    @Test func scanStatusSeesAFileReplacedByAFolderAndAnEmptyIndex() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try journalRepo(sb, files: 10)
        let work = repo.workTree
        try FileManager.default.removeItem(atPath: work + "/tasks/t3.md")
        try sb.write("tasks/t3.md/inside.md", "x\n", in: work)
        let scanned = try #require(try WorkTreeScan(repository: repo).run())
        #expect(scanned == (try repo.status()))
        #expect(scanned.map(\.path).sorted() == (try gitPaths(sb, work)))

        _ = try sb.git(["rm", "-q", "-r", "--cached", "."], in: work)
        #expect(try #require(try WorkTreeScan(repository: repo).run()) == (try repo.status()))
    }

    @Test func scanStatusFallsBackForAttributes() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try journalRepo(sb, files: 6)
        let work = repo.workTree
        try sb.write(".gitattributes", "*.md text eol=crlf\n", in: work)
        try sb.write("notes/p0/2026/day-0.md", "note 0\r\n", in: work)
        #expect(try repo.scanStatus() == (try repo.status()))
        #expect(try WorkTreeScan(repository: repo).run() == nil)
    }

    @Test func scanStatusFallsBackForAConflict() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try journalRepo(sb, files: 6)
        let work = repo.workTree
        let path = "notes/p0/2026/day-0.md"
        // A three-way read-tree where base, ours (HEAD) and theirs all differ leaves stages 1 to 3 for `path`.
        let base = try commitFiles(repo, [path: "base\n"], second: 2, moveBranch: false)
        let theirs = try commitFiles(repo, [path: "theirs\n"], second: 3, moveBranch: false)
        let head = try #require(try repo.headCommit())
        try sb.git(
            [
                "read-tree", "-m", try repo.commit(base).tree.hex, try repo.commit(head).tree.hex,
                try repo.commit(theirs).tree.hex,
            ], in: work)
        #expect(try sb.git(["ls-files", "-u"], in: work).stdout.split(separator: "\n").count == 3)
        #expect(try WorkTreeScan(repository: repo).run() == nil)
        #expect(try repo.scanStatus() == (try repo.status()))
    }
}

/// `diff` (subtree-skipping walk) against libgit2's own tree diff.
@Suite struct TreeWalkDiffTests {
    @Test func treeWalkDiffMatchesLibgit2() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        var files: [String: String?] = [:]
        for i in 0..<60 { files["notes/p\(i % 4)/2026/d\(i).md"] = "n\(i)\n" }
        files["a.b"] = "dot\n"
        files["a/x.md"] = "x\n"
        files["tasks/t1.md"] = "t1\n"
        let c1 = try commitFiles(repo, files, second: 1)
        let c2 = try commitFiles(
            repo,
            [
                "notes/p1/2026/d1.md": "changed\n", "notes/p2/2026/d2.md": nil, "notes/p3/2027/new.md": "new\n",
                "a/x.md": nil, "tasks/t2.md": "t2\n", "a.b": nil,
            ], second: 2)
        // Files that become folders of the same name.
        let c3 = try commitFiles(
            repo, ["a/x.md/inner.md": "file became folder\n", "a.b/z.md": "z\n"], second: 3, parents: [c2])
        let t1 = try repo.commit(c1).tree
        let t2 = try repo.commit(c3).tree
        for paths in [[], ["tasks"], ["notes/p1/"], ["notes/p1/2026/d1.md", "a"], ["a.b"], ["missing"]] {
            #expect(
                try repo.diff(from: t1, to: t2, paths: paths) == (try repo.libgit2Diff(from: t1, to: t2, paths: paths)),
                "\(paths)")
            #expect(
                try repo.diff(from: t2, to: t1, paths: paths) == (try repo.libgit2Diff(from: t2, to: t1, paths: paths)),
                "\(paths)")
            #expect(
                try repo.diff(from: nil, to: t2, paths: paths)
                    == (try repo.libgit2Diff(from: nil, to: t2, paths: paths)), "\(paths)")
        }
        #expect(try repo.diff(from: t1, to: t2).map(\.path) == (try repo.libgit2Diff(from: t1, to: t2)).map(\.path))
    }
}
