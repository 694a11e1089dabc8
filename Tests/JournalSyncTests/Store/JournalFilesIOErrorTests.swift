import Foundation
import TestSupport
import Testing

@testable import JournalSync

/// A file or folder the system refuses to create or write is an `.io` error naming it, not a git one.
@Suite("Journal files: system failures")
struct JournalFilesIOErrorTests {
    @Test func aFolderTheSystemRefusesIsAnIOError() throws {
        let temporary = try TemporaryFolder(prefix: "baton-io")
        defer { temporary.remove() }
        let root = temporary.path
        let folder = String(repeating: "a", count: 300)  // longer than any file name may be
        let refused = JournalError.io(operation: "open", path: folder, reason: String(cString: strerror(ENAMETOOLONG)))
        #expect(throws: refused) {
            try JournalFiles(root: root).write(Data("x\n".utf8), to: folder + "/x.md")
        }
        #expect(refused.errorDescription?.hasSuffix("then try again") == true)
    }
}
