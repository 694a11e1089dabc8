import Foundation
import GitKit
import JournalModel
import Testing

@testable import JournalSync

/// A sync killed while libgit2 was writing the work tree is repaired by the next command.
@Suite("Interrupted checkout repair")
struct CheckoutRepairTests {
    /// A journal with two commits that change `tasks/a.md`, the work tree at the second.
    private func makeJournal() throws -> (Journal, ObjectID, ObjectID, String) {
        GitLibrary.initialize()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baton-repair-\(UUID().uuidString)")
            .path
        let journal = try Journal.create(at: folder, me: try Handle("lee"), remote: nil, config: JournalConfig())
        let first = try #require(try journal.repository.headCommit())
        try journal.save(
            ["tasks/a.md": "one\ntwo\nthree\n", "notes/x.md": "keep\n"],
            message: .handEdits(["notes/x.md", "tasks/a.md"]))
        let second = try #require(try journal.repository.headCommit())
        return (journal, first, second, folder)
    }

    @Test("the branch moved: half-written files are finished from the new commit")
    func finishesForward() throws {
        let (journal, first, second, folder) = try makeJournal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CheckoutRecord(from: first.hex, to: second.hex).save(gitDirectory: journal.gitDirectory)
        try "one\ntw".write(toFile: folder + "/tasks/a.md", atomically: false, encoding: .utf8)
        let lock = try journal.takeLockAndRepair()
        lock.release()
        #expect(try String(contentsOfFile: folder + "/tasks/a.md", encoding: .utf8) == "one\ntwo\nthree\n")
        #expect(CheckoutRecord.load(gitDirectory: journal.gitDirectory) == nil)
        #expect(try journal.repository.status().isEmpty)
    }

    @Test("the branch did not move: the update is undone, file by file")
    func undoesBackward() throws {
        let (journal, first, second, folder) = try makeJournal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Pretend HEAD is still at `first` while the work tree was being moved to `second`.
        let branch = try journal.repository.headBranchReference()
        try journal.repository.updateReference(branch, to: first, expected: second, message: "test")
        try journal.repository.resetIndex(to: try journal.repository.commit(first).tree)
        try CheckoutRecord(from: first.hex, to: second.hex).save(gitDirectory: journal.gitDirectory)
        try "one\ntw".write(toFile: folder + "/tasks/a.md", atomically: false, encoding: .utf8)
        try journal.repairInterruptedCheckout()
        #expect(!FileManager.default.fileExists(atPath: folder + "/tasks/a.md"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/notes/x.md"))
        #expect(try journal.repository.status().isEmpty)
    }
}
