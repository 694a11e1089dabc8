import Basics
import Foundation
import Testing

@testable import GitKit

/// A change's objects are staged, flushed together, then moved into `objects/` before anything refers
/// to them; a failed or abandoned staging leaves nothing behind.
@Suite("Object staging")
struct ObjectStagingTests {
    /// The steps of every publish whose staging folder is under `root` (other tests publish meanwhile).
    private final class StepLog: Sendable {
        let steps = Locked<[ObjectStaging.Step]>([])
        let root: String
        init(root: String) { self.root = root }

        func record(_ step: ObjectStaging.Step) {
            let path: String
            switch step {
            case .syncFile(let p), .syncFolder(let p), .move(from: let p, to: _): path = p
            }
            if path.hasPrefix(root) { steps.withLock { $0.append(step) } }
        }
    }

    private func stagingFolders(_ repo: Repository) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repo.objectsFolder).filter {
            $0.hasPrefix(ObjectStaging.namePrefix)
        }
    }

    private func looseObjectPath(_ repo: Repository, _ id: ObjectID) -> String {
        let hex = id.hex
        return repo.objectsFolder + "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    }

    @Test func aCommitsObjectsAreFlushedThenMovedThenTheirFoldersFlushed() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        try commitFiles(repo, ["README.md": "hello\n"], message: "first", second: 1)
        let log = StepLog(root: sb.root)
        ObjectStaging.observer.withLock { $0 = { log.record($0) } }
        defer { ObjectStaging.observer.withLock { $0 = nil } }
        let head = try #require(try repo.headCommit())

        let commit = try repo.withStagedObjectWrites {
            try commitFiles(
                repo, ["notes/ada/2026/2026-12-03.md": "- staged\n", "README.md": "hello again\n"],
                message: "second", second: 2, moveBranch: false)
        }
        let steps = log.steps.withLock { $0 }
        // Two blobs, four trees (the root and the three new folders) and a commit.
        let synced = steps.compactMap { if case .syncFile(let p) = $0 { p } else { nil } }
        let moves = steps.compactMap { if case .move(let from, let to) = $0 { (from, to) } else { nil } }
        let folders = steps.compactMap { if case .syncFolder(let p) = $0 { p } else { nil } }
        #expect(synced.count == 7 && moves.count == 7, "\(steps)")
        #expect(Set(moves.map(\.0)) == Set(synced), "every moved object was flushed first")
        let lastSync = try #require(steps.lastIndex { if case .syncFile = $0 { true } else { false } })
        let firstMove = try #require(steps.firstIndex { if case .move = $0 { true } else { false } })
        #expect(lastSync < firstMove, "all flushes come before the first move: \(steps)")
        for (_, to) in moves {
            let folder = String(to[..<to.lastIndex(of: "/")!])
            let moved = try #require(steps.firstIndex(of: .move(from: moves.first { $0.1 == to }!.0, to: to)))
            let flushed = steps.lastIndex(of: .syncFolder(folder))
            #expect(flushed.map { $0 > moved } == true, "\(folder) flushed after its object arrived")
        }
        #expect(folders.first == repo.objectsFolder, "a new fan-out folder is made durable in objects/ too")

        // Everything is in place, nothing staged is left, and git reads the new commit.
        #expect(try stagingFolders(repo).isEmpty)
        #expect(FileManager.default.fileExists(atPath: looseObjectPath(repo, commit)))
        try repo.updateReference("refs/heads/main", to: commit, expected: head, message: "test: second")
        let fsck = try sb.git(["fsck", "--strict", "--no-dangling"], in: sb.path("work"), allowFailure: true)
        #expect(fsck.status == 0, "\(fsck)")
        #expect(try sb.git(["show", "HEAD:README.md"], in: sb.path("work")).stdout == "hello again\n")

        // The repository's own object database is back: a later write goes straight to objects/.
        log.steps.withLock { $0 = [] }
        let later = try repo.createBlob(Data("written without staging\n".utf8))
        #expect(FileManager.default.fileExists(atPath: looseObjectPath(repo, later)))
        #expect(log.steps.withLock { $0 }.isEmpty)
    }

    @Test func objectsThatAlreadyExistAreNotWrittenAgain() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let first = try repo.createBlob(Data("same\n".utf8))
        let log = StepLog(root: sb.root)
        ObjectStaging.observer.withLock { $0 = { log.record($0) } }
        defer { ObjectStaging.observer.withLock { $0 = nil } }
        let again = try repo.withStagedObjectWrites { try repo.createBlob(Data("same\n".utf8)) }
        #expect(again == first)
        #expect(log.steps.withLock { $0 }.isEmpty)
        #expect(try stagingFolders(repo).isEmpty)
    }

    @Test func aFailedChangeLeavesNoObjectAndNoStagingFolder() throws {
        struct Interrupted: Error {}
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        var written: ObjectID?
        #expect(throws: Interrupted.self) {
            try repo.withStagedObjectWrites {
                written = try repo.createBlob(Data("never referenced\n".utf8))
                throw Interrupted()
            }
        }
        let id = try #require(written)
        #expect(!FileManager.default.fileExists(atPath: looseObjectPath(repo, id)))
        #expect(try stagingFolders(repo).isEmpty)
        #expect(throws: GitError.self) { try repo.blobData(id) }
    }

    @Test func onlyStagingFoldersOfProcessesThatEndedAreSwept() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let fm = FileManager.default
        let dead = repo.objectsFolder + "/\(ObjectStaging.namePrefix)2147483646-1"
        let live = repo.objectsFolder + "/\(ObjectStaging.namePrefix)\(getpid())-2"
        let other = repo.objectsFolder + "/tmp_objdir-incoming-x"
        for folder in [dead, live, other] {
            try fm.createDirectory(atPath: folder + "/ab", withIntermediateDirectories: true)
            #expect(fm.createFile(atPath: folder + "/ab/" + String(repeating: "0", count: 38), contents: Data()))
        }
        Repository.removeAbandonedObjectStaging(gitDirectory: repo.gitDirectory)
        #expect(!fm.fileExists(atPath: dead))
        #expect(fm.fileExists(atPath: live), "this process's own staging is not abandoned")
        #expect(fm.fileExists(atPath: other), "git's own staging is git's")
    }
}
