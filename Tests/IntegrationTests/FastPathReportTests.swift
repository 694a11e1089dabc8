import Foundation
import TestSupport
import Testing

/// `BATON_PATH_REPORT` names the way each git step went (the benchmarks print it next to each row): the
/// fast path in a plain clone, libgit2 with the reason where a setting declines it, nothing when unset.
@Suite("Fast-path report")
struct FastPathReportTests {
    static let now = ["BATON_NOW": "2026-11-20T10:00:00+00:00"]

    /// The lines baton appended to the report for one command.
    static func report(_ person: Person, _ args: [String], folder: TemporaryFolder, name: String) throws -> [String] {
        let file = folder.sub("\(name).tsv")
        try person.ok(args, env: now.merging(["BATON_PATH_REPORT": file]) { $1 })
        return (Files.read(file) ?? "").split(separator: "\n").map(String.init)
    }

    @Test("a plain clone runs every fast path")
    func plainCloneIsFast() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "first"], env: Self.now)
        let note = try Self.report(alice, ["note", "second"], folder: team.folder, name: "note")
        #expect(note.contains("blob\tfast\t-"), "\(note)")
        #expect(note.contains("index\tfast\t-"), "\(note)")
        #expect(note.contains { $0.hasPrefix("tree\t") }, "\(note)")
        let status = try Self.report(alice, ["status"], folder: team.folder, name: "status")
        #expect(status == ["status\tfast\t-"])
    }

    @Test("a setting that changes bytes sends each step to libgit2, with the reason")
    func autocrlfDeclines() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "first"], env: Self.now)
        try alice.git.check(["config", "core.autocrlf", "true"], in: alice.journal)
        let note = try Self.report(alice, ["note", "second"], folder: team.folder, name: "note")
        #expect(note.contains("blob\tlibgit2\tcore.autocrlf is true"), "\(note)")
        #expect(note.contains("index\tlibgit2\tcore.autocrlf is true"), "\(note)")
        let status = try Self.report(alice, ["status"], folder: team.folder, name: "status")
        #expect(status == ["status\tlibgit2\tcore.autocrlf is true"])
    }

    @Test("without the variable nothing is written")
    func unsetWritesNothing() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "first"], env: Self.now)
        let before = try FileManager.default.contentsOfDirectory(atPath: team.folder.path).sorted()
        try alice.ok(["status"], env: Self.now)
        #expect(try FileManager.default.contentsOfDirectory(atPath: team.folder.path).sorted() == before)
    }
}

/// `status` in a clone that was never pushed reads only the commits it can show, not the whole history.
@Suite("Status of a clone never pushed")
struct StatusNeverPushedTests {
    @Test("more than 200 unpushed commits are counted as more than 200, newest first")
    func manyUnpushedCommits() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "first"], env: FastPathReportTests.now)
        var stream = ""
        for i in 1...205 {
            let message = "hand commit \(i)\n"
            stream += "commit refs/heads/main\ncommitter Alice <alice@example.com> \(1_795_000_000 + i) +0000\n"
            stream += "data \(message.utf8.count)\n\(message)"
            if i == 1 { stream += "from refs/heads/main^0\n" }
            stream += "\n"
        }
        try alice.git.check(["fast-import", "--quiet"], in: alice.journal, stdin: stream)
        #expect(alice.git.commitCount(alice.journal) > 205)
        let status = try alice.ok(["status"], env: FastPathReportTests.now).stdout
        #expect(status.contains("More than 200 commit(s) not pushed:"), "\(status)")
        #expect(status.contains("hand commit 205\n"), "\(status)")
        #expect(status.contains("... and at least 180 more"), "\(status)")

        let (small, bob) = try Team.solo("bob")
        defer { small.shutdown() }
        try bob.ok(["note", "one"], env: FastPathReportTests.now)
        try bob.ok(["note", "two"], env: FastPathReportTests.now)
        let exact = try bob.ok(["status"], env: FastPathReportTests.now).stdout
        let count = bob.git.commitCount(bob.journal)
        #expect(exact.contains("\(count) commit(s) not pushed:"), "\(exact)")
    }
}
