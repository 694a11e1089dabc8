import Foundation
import TestSupport
import Testing

/// Two clones add different versions of the same binary file; sync keeps both byte for byte.
@Suite("Binary merge")
struct BinaryMergeTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xC3]

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @Test("two clones each add a different shared/logo.png: both are kept, the clones converge")
    func logoAddedOnBothClones() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let alicesLogo = Self.png + [0x01, 0x80, 0x00]
        let bobsLogo = Self.png + [0x02, 0xFE]
        for (person, logo) in [(alice, alicesLogo), (bob, bobsLogo)] {
            try FileManager.default.createDirectory(atPath: person.path("shared"), withIntermediateDirectories: true)
            try Data(logo).write(to: URL(fileURLWithPath: person.path("shared/logo.png")))
        }
        try alice.sync()
        let merge = try bob.ok(["sync"])
        try alice.sync()

        // Alice's bytes sort first, so hers stay at the path and Bob's are kept beside it.
        let beside = "shared/logo.conflict-bob-example.png"
        #expect(merge.stdout.contains(beside), "sync did not report the kept copy:\n\(merge)")
        for person in [alice, bob] {
            #expect(Self.bytes(person.path("shared/logo.png")) == alicesLogo, "\(person.handle)")
            #expect(Self.bytes(person.path(beside)) == bobsLogo, "\(person.handle)")
        }
        let trees = [alice, bob].map { $0.git(["rev-parse", "HEAD^{tree}"]).stdout }
        #expect(trees[0] == trees[1])
        team.expectHealthy()
    }

    @Test("a task whose front matter one clone broke by hand: the readable version stays, the other is kept beside")
    func taskBrokenByHandOnOneClone() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let id = try alice.addTask("Backfill orders")
        try alice.sync()
        try bob.sync()

        try alice.ok(["task", "start", id])
        let file = "tasks/\(id).md"
        let original = try #require(bob.read(file))
        let broken =
            original.replacingOccurrences(of: "title: Backfill orders", with: "title: [Backfill orders")
            + "Bob's hand-written line.\n"
        try #require(broken != original)
        try Files.write(broken, to: bob.path(file))
        try alice.sync()
        let merge = try bob.ok(["sync"])
        try alice.sync()

        let beside = "tasks/\(id).conflict-bob-example.md"
        #expect(merge.stdout.contains(beside), "sync did not report the kept copy:\n\(merge)")
        for person in [alice, bob] {
            #expect(try person.task(id).status == "doing", "\(person.handle)")
            #expect(person.read(beside) == broken, "\(person.handle)")
            #expect(try person.taskList().map(\.id) == [id], "\(person.handle)")
        }
        team.expectHealthy()
    }
}
