import Foundation
import Testing

@testable import GitKit

@Suite struct WorkTreeTests {
    /// A repository with one commit whose files are checked out, so the work tree is clean.
    private func checkedOutRepo(_ sb: Sandbox, files: [String: String]) throws -> (Repository, ObjectID) {
        let repo = try Repository.create(at: sb.path("work"))
        let commit = try commitFiles(repo, files.mapValues { Optional($0) }, message: "base", second: 1)
        try repo.forceCheckout(tree: try repo.commit(commit).tree, paths: [])
        return (repo, commit)
    }

    private func sortedStatus(_ repo: Repository) throws -> [StatusEntry] {
        try repo.status().sorted { $0.path < $1.path }
    }

    @Test func statusReportsUntrackedModifiedAndDeletedFiles() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let (repo, head) = try checkedOutRepo(
            sb, files: ["a.md": "a\n", "b.md": "b\n", "dir/c.md": "c\n", ".gitignore": "*.log\n"])
        let work = repo.workTree
        #expect(try repo.status() == [])
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == "")

        try sb.write("a.md", "a changed\n", in: work)
        try FileManager.default.removeItem(atPath: work + "/b.md")
        try sb.write("new.md", "new\n", in: work)
        try sb.write("deep/er/e.md", "e\n", in: work)
        try sb.write("debug.log", "ignored\n", in: work)
        #expect(
            try sortedStatus(repo) == [
                StatusEntry(path: "a.md", change: .modified),
                StatusEntry(path: "b.md", change: .deleted),
                StatusEntry(path: "deep/er/e.md", change: .added),
                StatusEntry(path: "new.md", change: .added),
            ])
        let porcelain = try sb.git(["status", "--porcelain", "--untracked-files=all"], in: work).stdout
        #expect(porcelain == " M a.md\n D b.md\n?? deep/er/e.md\n?? new.md\n")

        // Staging keeps the same picture from HEAD's point of view (index changes now).
        let tree = try repo.stage(paths: ["a.md", "b.md", "new.md", "deep/er/e.md", "not-there.md"])
        #expect(
            try sortedStatus(repo) == [
                StatusEntry(path: "a.md", change: .modified),
                StatusEntry(path: "b.md", change: .deleted),
                StatusEntry(path: "deep/er/e.md", change: .added),
                StatusEntry(path: "new.md", change: .added),
            ])
        #expect(
            try sb.git(["status", "--porcelain"], in: work).stdout == "M  a.md\nD  b.md\nA  deep/er/e.md\nA  new.md\n")
        #expect(Set(try repo.files(inTree: tree).keys) == [".gitignore", "a.md", "dir/c.md", "new.md", "deep/er/e.md"])
        #expect(
            try repo.blobData(try #require(try repo.blobID(atPath: "a.md", inTree: tree))) == Data("a changed\n".utf8))

        // A staged new file deleted again from the work tree is still reported (the index differs from HEAD).
        try FileManager.default.removeItem(atPath: work + "/new.md")
        #expect(try sortedStatus(repo).contains { $0.path == "new.md" })

        // resetIndex puts the index back to HEAD; work-tree changes stay.
        try repo.resetIndex(to: try repo.commit(head).tree)
        #expect(
            try sortedStatus(repo) == [
                StatusEntry(path: "a.md", change: .modified),
                StatusEntry(path: "b.md", change: .deleted),
                StatusEntry(path: "deep/er/e.md", change: .added),
            ])
        #expect(
            try sb.git(["status", "--porcelain", "--untracked-files=all"], in: work).stdout
                == " M a.md\n D b.md\n?? deep/er/e.md\n")
        #expect(FileManager.default.fileExists(atPath: work + "/a.md"))
    }

    @Test func checkoutFastForwardUpdatesTheWorkTree() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let (repo, c1) = try checkedOutRepo(sb, files: ["a.md": "a1\n", "b.md": "b\n", "keep.md": "keep\n"])
        let work = repo.workTree
        let c2 = try commitFiles(
            repo, ["a.md": "a2\n", "b.md": nil, "dir/c.md": "c\n"], message: "next", second: 2, moveBranch: false)
        // Unrelated local edit to a file the target does not change is kept.
        try sb.write("keep.md", "local edit\n", in: work)
        try sb.write("scratch.txt", "untracked\n", in: work)

        try repo.checkout(tree: try repo.commit(c2).tree)
        try repo.updateReference("refs/heads/main", to: c2, expected: c1, message: "fast-forward")
        #expect(sb.read("a.md", in: work) == "a2\n")
        #expect(!FileManager.default.fileExists(atPath: work + "/b.md"))
        #expect(sb.read("dir/c.md", in: work) == "c\n")
        #expect(sb.read("keep.md", in: work) == "local edit\n")
        #expect(sb.read("scratch.txt", in: work) == "untracked\n")
        #expect(
            try sortedStatus(repo) == [
                StatusEntry(path: "keep.md", change: .modified), StatusEntry(path: "scratch.txt", change: .added),
            ])
        #expect(try sb.git(["status", "--porcelain"], in: work).stdout == " M keep.md\n?? scratch.txt\n")
        #expect(try sb.git(["rev-parse", "HEAD"], in: work).stdout == c2.hex + "\n")
    }

    @Test func checkoutRefusesToOverwriteLocalChanges() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let (repo, c1) = try checkedOutRepo(sb, files: ["a.md": "a1\n", "b.md": "b1\n"])
        let work = repo.workTree
        let c2 = try commitFiles(repo, ["a.md": "a2\n", "b.md": "b2\n"], second: 2, moveBranch: false)
        try sb.write("a.md", "my unsaved edit\n", in: work)

        let error = gitError { try repo.checkout(tree: try repo.commit(c2).tree) }
        #expect(error?.kind == .conflict)
        #expect(error?.operation == "update work tree")
        #expect(sb.read("a.md", in: work) == "my unsaved edit\n")
        #expect(try repo.headCommit() == c1)

        // An untracked file in the way of an incoming file is not clobbered either.
        let c3 = try commitFiles(repo, ["new.md": "incoming\n"], second: 3, parents: [c1], moveBranch: false)
        try sb.write("new.md", "mine\n", in: work)
        #expect(gitError { try repo.checkout(tree: try repo.commit(c3).tree) }?.kind == .conflict)
        #expect(sb.read("new.md", in: work) == "mine\n")

        // Limiting to other paths lets the rest through.
        try repo.checkout(tree: try repo.commit(c2).tree, paths: ["b.md"])
        #expect(sb.read("b.md", in: work) == "b2\n")
        #expect(sb.read("a.md", in: work) == "my unsaved edit\n")
    }

    @Test func forceCheckoutRestoresFiles() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let (repo, c1) = try checkedOutRepo(sb, files: ["a.md": "a\n", "b.md": "b\n", "c.md": "c\n"])
        let work = repo.workTree
        try sb.write("a.md", "damaged\n", in: work)
        try FileManager.default.removeItem(atPath: work + "/b.md")
        try sb.write("c.md", "also changed\n", in: work)
        let tree = try repo.commit(c1).tree

        try repo.forceCheckout(tree: tree, paths: ["a.md", "b.md"])
        #expect(sb.read("a.md", in: work) == "a\n")
        #expect(sb.read("b.md", in: work) == "b\n")
        #expect(sb.read("c.md", in: work) == "also changed\n", "paths limit what is restored")
        #expect(try repo.status() == [StatusEntry(path: "c.md", change: .modified)])

        try repo.forceCheckout(tree: tree, paths: [])
        #expect(sb.read("c.md", in: work) == "c\n")
        #expect(try repo.status() == [])
    }
}
