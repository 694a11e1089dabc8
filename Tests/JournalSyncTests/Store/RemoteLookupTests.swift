import Foundation
import GitKit
import JournalModel
import Testing

@testable import JournalSync

/// `sync` says "no remote" only when there is none; a remote it cannot read is reported as it is.
@Suite("Remote lookup")
struct RemoteLookupTests {
    @Test func onlyAMissingRemoteIsNoRemote() throws {
        GitLibrary.initialize()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("baton-remote-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = try Journal.create(at: folder, me: try Handle("lee"), remote: nil, config: JournalConfig())
        #expect(throws: JournalError.noRemote) { try journal.sync() }
        // A config file libgit2 cannot parse (an unclosed section) is not a missing remote.
        let config = journal.gitDirectory + "/config"
        let broken = try String(contentsOfFile: config, encoding: .utf8) + "[remote \"origin\"\n\turl = /x\n"
        try broken.write(toFile: config, atomically: true, encoding: .utf8)
        #expect {
            try journal.sync()
        } throws: { error in
            guard case .git(let operation, _) = error as? JournalError else { return false }
            return operation.contains("remote")
        }
    }
}
