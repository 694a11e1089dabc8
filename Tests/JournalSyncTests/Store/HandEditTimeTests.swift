import Foundation
import Testing

@testable import JournalSync

/// A hand edit is dated when the file was changed, kept between the previous commit and the sync.
@Suite("Hand edit dates")
struct HandEditTimeTests {
    static let previous = Date(timeIntervalSince1970: 1_000_000)
    static let now = Date(timeIntervalSince1970: 1_010_000)

    @Test func theLatestModificationTimeWhenItLiesBetween() {
        let edits = [Self.previous + 100, Self.previous + 4000, Self.previous + 50]
        #expect(
            HandEditTime.authored(modified: edits, previousCommit: Self.previous, now: Self.now) == Self.previous + 4000
        )
    }

    @Test func neverLaterThanTheSyncNorEarlierThanThePreviousCommit() {
        #expect(
            HandEditTime.authored(modified: [Self.now + 99], previousCommit: Self.previous, now: Self.now) == Self.now)
        #expect(
            HandEditTime.authored(modified: [Self.previous - 99], previousCommit: Self.previous, now: Self.now)
                == Self.previous)
        #expect(HandEditTime.authored(modified: [], previousCommit: Self.previous, now: Self.now) == Self.now)
        // A previous commit dated after now (a clock that ran ahead) never pushes the edit past now.
        #expect(
            HandEditTime.authored(modified: [Self.previous], previousCommit: Self.now + 50, now: Self.now) == Self.now)
        #expect(HandEditTime.authored(modified: [Self.previous], previousCommit: nil, now: Self.now) == Self.previous)
    }

    @Test func aFilesOwnModificationTime() throws {
        let path = NSTemporaryDirectory() + "/hand-edit-\(UUID().uuidString)"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stamp = Date(timeIntervalSince1970: 1_790_000_123)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: path)
        #expect(HandEditTime.modificationTime(of: path).map { abs($0.timeIntervalSince(stamp)) < 0.001 } == true)
        #expect(HandEditTime.modificationTime(of: path + ".gone") == nil)
    }
}
