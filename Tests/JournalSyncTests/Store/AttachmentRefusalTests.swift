import Foundation
import TestSupport
import Testing

@testable import JournalSync

/// A file that cannot be attached is refused with its own error, which says what to attach instead.
@Suite("Attachment refusals")
struct AttachmentRefusalTests {
    @Test func aFolderAndAnOversizedFileAreRefusedByName() throws {
        let temporary = try TemporaryFolder(prefix: "baton-attach")
        defer { temporary.remove() }
        let folder = temporary.path
        let huge = folder + "/huge.bin"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: UInt64(JournalFiles.attachmentLimit + 1))
        try handle.close()

        for (source, problem) in [(folder, "it is not a regular file"), (huge, "it is larger than 64 MB")] {
            #expect {
                try Journal.attachmentData(source)
            } throws: { error in
                guard case JournalError.cannotAttach(let named, let said) = error else { return false }
                let message = error.localizedDescription
                return named == source && said == problem && message.hasPrefix("cannot attach \(source): \(problem);")
            }
        }
    }
}
