import Foundation
import Testing

@testable import GitKit

/// Lock files git leaves when killed mid-write are removed by age, not a lock a git command holds now.
@Suite("Stale git lock files")
struct StaleLockFilesTests {
    /// A `.git`-like folder with `index.lock` ten minutes and a second old, and a fresh branch ref lock.
    private func gitDirectory(_ sandbox: Sandbox) throws -> String {
        let git = sandbox.path("repo.git")
        try FileManager.default.createDirectory(atPath: git + "/refs/heads", withIntermediateDirectories: true)
        for name in ["index.lock", "HEAD.lock", "refs/heads/main.lock", "refs/heads/main"] {
            #expect(FileManager.default.createFile(atPath: git + "/" + name, contents: Data()))
        }
        let old = Date().addingTimeInterval(-601)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: git + "/index.lock")
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: git + "/refs/heads/main")
        return git
    }

    @Test func onlyLocksOlderThanTenMinutesGoWhileNoHolderDied() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let git = try gitDirectory(sandbox)
        Repository.removeStaleLockFiles(gitDirectory: git, afterDeadHolder: false)
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: git + "/index.lock"))
        #expect(fm.fileExists(atPath: git + "/HEAD.lock") && fm.fileExists(atPath: git + "/refs/heads/main.lock"))
        #expect(fm.fileExists(atPath: git + "/refs/heads/main"))
    }

    @Test func aDeadHoldersLocksGoOnceTheyAreASecondOld() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let git = try gitDirectory(sandbox)
        Repository.removeStaleLockFiles(gitDirectory: git, afterDeadHolder: true)
        let fm = FileManager.default
        for name in ["index.lock", "HEAD.lock", "refs/heads/main.lock"] {
            #expect(!fm.fileExists(atPath: git + "/" + name))
        }
        #expect(fm.fileExists(atPath: git + "/refs/heads/main"))
    }
}
