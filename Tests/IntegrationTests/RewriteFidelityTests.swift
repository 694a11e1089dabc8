import Foundation
import TestSupport
import Testing

/// baton rewrites a file a teammate wrote in their own way without changing what it does not own:
/// CRLF line endings stay CRLF, and a file that is not UTF-8 is refused, never repaired into U+FFFD.
@Suite("Rewrites keep a file's bytes")
struct RewriteFidelityTests {
    static let now = ["BATON_NOW": "2026-11-24T10:00:00+01:00"]
    static let dated = Git.dated("2026-11-24T09:00:00+01:00")

    @Test("a CRLF task stays CRLF through task start, with its hand-written lines")
    func crlfTaskStaysCRLF() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let id = try Checks.requireID(try alice.ok(["task", "add", "Windows notes"], env: Self.now))
        let path = "tasks/\(id).md"
        let lf = try #require(alice.read(path))
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "## Log", with: "Written on Windows.\r\n\r\n## Log")
        try Files.write(crlf, to: alice.path(path))
        try alice.git.check(["commit", "-qam", "edited on Windows"], in: alice.journal, env: Self.dated)
        try alice.ok(["task", "start", id], env: Self.now)
        let after = try #require(Files.read(alice.path(path)))
        #expect(after.contains("Written on Windows.\r\n"))
        #expect(after.contains("status: doing\r\n"))
        let bare = after.replacingOccurrences(of: "\r\n", with: "")
        #expect(!bare.contains("\n"), "every line ends in CRLF:\n\(after.debugDescription)")
        #expect(try alice.task(id).status == "doing")
        Checks.expectHealthy(alice)
    }

    @Test("a task that starts with a byte order mark keeps it through task done")
    func byteOrderMarkIsKept() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let id = try Checks.requireID(try alice.ok(["task", "add", "Saved by Notepad"], env: Self.now))
        let path = alice.path("tasks/\(id).md")
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        try (Data([0xEF, 0xBB, 0xBF]) + original).write(to: URL(fileURLWithPath: path))
        try alice.git.check(["commit", "-qam", "BOM"], in: alice.journal, env: Self.dated)
        try alice.ok(["task", "done", id], env: Self.now)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(after.starts(with: [0xEF, 0xBB, 0xBF]) && !after.dropFirst(3).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try alice.task(id).status == "done")
    }

    @Test("a CRLF note stays CRLF when a bullet is added")
    func crlfNoteStaysCRLF() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "first"], env: Self.now)
        let path = Person.notePath("alice", "2026-11-24")
        let crlf = try #require(alice.read(path)).replacingOccurrences(of: "\n", with: "\r\n")
        try Files.write(crlf, to: alice.path(path))
        try alice.git.check(["commit", "-qam", "CRLF"], in: alice.journal, env: Self.dated)
        try alice.ok(["note", "second"], env: Self.now)
        let after = try #require(Files.read(alice.path(path)))
        #expect(after.contains("first") && after.contains("second"))
        #expect(!after.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(after.debugDescription)")
        Checks.expectHealthy(alice)
    }

    @Test("a task that is not UTF-8 is refused with 65, and its bytes stay")
    func nonUTF8TaskIsRefused() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let id = try Checks.requireID(try alice.ok(["task", "add", "Caf\u{E9}"], env: Self.now))
        let path = alice.path("tasks/\(id).md")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.append(contentsOf: Array("Latin-1 text: caf".utf8) + [0xE9] + Array("\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        try alice.git.check(["commit", "-qam", "latin-1"], in: alice.journal, env: Self.dated)
        let head = alice.git.head(alice.journal)
        let r = alice.baton(["task", "done", id], env: Self.now)
        Checks.expectCleanFailure(r, exitCode: 65)
        #expect(r.stderr.contains("UTF-8"), "\(r)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the file's bytes are untouched")
        Checks.expectUnchanged(alice, head: head)
    }
}
