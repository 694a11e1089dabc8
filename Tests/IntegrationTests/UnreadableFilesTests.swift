import Foundation
import TestSupport
import Testing

/// A hand edit that breaks a file is never silent: every view and format names the file it left out,
/// sync and status warn about it (sync still commits it), and `baton check` lists it with the line at fault.
@Suite("Unreadable files are never silent", .serialized)
struct UnreadableFilesTests {
    static let now = ["BATON_NOW": "2026-11-24T09:00:00+00:00"]

    /// A solo journal with a blocked task whose status a hand edit broke (`blokced`); returns its path and line.
    static func brokenTask(_ person: Person) throws -> (path: String, line: Int) {
        let id = try Checks.requireID(try person.ok(["task", "add", "Backfill orders"], env: now))
        try person.ok(["task", "block", id, "--reason", "keys"], env: now)
        let path = "tasks/\(id).md"
        let text = try #require(person.read(path))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "status: blocked" }) + 1
        try Files.write(
            text.replacingOccurrences(of: "status: blocked", with: "status: blokced"), to: person.path(path))
        return (path, line)
    }

    @Test("digest, standup, inbox, task list and site name the file they could not read, in every format")
    func everyViewNamesIt() throws {
        let (team, priya) = try Team.solo("priya")
        defer { withExtendedLifetime(team) {} }
        let (path, _) = try Self.brokenTask(priya)
        func stderrNames(_ r: CommandResult) -> Bool {
            r.stderrLines.contains { $0.contains(path) && $0.contains("blokced") }
        }

        let markdown = try priya.ok(["digest", "--format", "markdown"], env: Self.now)
        #expect(markdown.stdout.contains("## Could not read (1)\n- `\(path)`: "), "\(markdown)")
        #expect(stderrNames(markdown), "\(markdown)")
        let text = try priya.ok(["digest"], env: Self.now)
        #expect(text.stdout.contains("Could not read (1)\n    - \(path): "), "\(text)")
        let json = try priya.ok(["digest", "--format", "json"], env: Self.now)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let unreadable = try #require(object["unreadable"] as? [[String: String]])
        #expect(unreadable.count == 1 && unreadable.first?["path"] == path, "\(json)")
        #expect(unreadable.first?["error"]?.contains("status \"blokced\" is not one of") == true, "\(json)")
        #expect(stderrNames(json), "\(json)")
        let html = try priya.ok(["digest", "--format", "html"], env: Self.now)
        #expect(html.stdout.contains("Could not read<span class=\"count\">1</span>"), "\(html)")
        #expect(html.stdout.contains("<code>\(path)</code>"), "\(html)")

        let inbox = try priya.ok(["inbox", "--json"], env: Self.now)
        let box = try #require(try JSONSerialization.jsonObject(with: Data(inbox.stdout.utf8)) as? [String: Any])
        #expect((box["unreadable"] as? [[String: String]])?.first?["path"] == path, "\(inbox)")
        let inboxText = try priya.ok(["inbox"], env: Self.now)
        #expect(inboxText.stdout.contains("Could not read (1)"), "\(inboxText)")
        let list = try priya.ok(["task", "list"], env: Self.now)
        #expect(stderrNames(list) && list.stdout.contains("Could not read (1)\n    - \(path): "), "\(list)")

        try priya.ok(["note", "posted"], env: Self.now)
        let notePath = "notes/priya/2026/2026-11-24.md"
        let note = try #require(priya.read(notePath))
        try Files.write(note.replacingOccurrences(of: "author: priya", with: "author: [x"), to: priya.path(notePath))
        let standup = try priya.ok(["standup"], env: Self.now)
        #expect(standup.stdout.contains("Could not read (1)\n    - \(notePath): "), "\(standup)")
        #expect(!standup.stdout.contains("no note from priya"), "an unreadable note is not a missing one:\n\(standup)")

        let site = try priya.ok(["site", "../site"], env: Self.now)
        #expect(stderrNames(site), "\(site)")
        let index = try #require(Files.read(priya.path("../site/index.html")))
        #expect(index.contains("Could not read") && index.contains("<code>\(path)</code>"), "\(index)")
    }

    @Test("baton check lists each broken file with the line at fault and exits 65; 0 once fixed")
    func checkCommand() throws {
        let (team, priya) = try Team.solo("priya")
        defer { withExtendedLifetime(team) {} }
        #expect(try priya.ok(["check"]).stdout == "Every task, note and baton.yml reads.\n")
        let (path, line) = try Self.brokenTask(priya)
        try priya.ok(["note", "fine"], env: Self.now)
        let notePath = "notes/priya/2026/2026-11-24.md"
        let note = try #require(priya.read(notePath))
        try Files.write(
            note.replacingOccurrences(of: "author: priya", with: "author: [unclosed"), to: priya.path(notePath))
        let check = priya.baton(["check"])
        #expect(check.status == 65, "\(check)")
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(check)")
        #expect(lines.first?.hasPrefix("\(notePath):") == true, "\(check)")
        #expect(lines.last?.hasPrefix("\(path):\(line): status \"blokced\" is not one of") == true, "\(check)")
        #expect(check.stderr.contains("2 file(s) cannot be read"), "\(check)")

        try Files.write(note, to: priya.path(notePath))
        let text = try #require(priya.read(path))
        try Files.write(text.replacingOccurrences(of: "blokced", with: "blocked"), to: priya.path(path))
        #expect(priya.baton(["check"]).status == 0)
    }

    @Test("status warns about a hand edit that does not parse; sync commits it anyway and warns")
    func syncAndStatusWarn() throws {
        let team = try Team(["priya"])
        let priya = team["priya"]
        let (path, line) = try Self.brokenTask(priya)
        let status = try priya.ok(["status"])
        #expect(
            status.stderrLines.contains { $0.contains("warning: \(path):\(line): status \"blokced\"") }, "\(status)")
        let sync = try priya.ok(["sync"])
        #expect(
            sync.stderrLines.contains { $0.contains("warning: \(path):\(line):") && $0.contains("committed") },
            "\(sync)")
        #expect(try priya.git.check(["status", "--porcelain"], in: priya.journal).isEmpty, "the edit is committed")
        #expect(try priya.git.check(["show", "HEAD:\(path)"], in: priya.journal).contains("status: blokced"))
    }

    @Test("an offline sync still warns about the hand edit it committed before it found the remote down")
    func offlineSyncWarns() throws {
        let team = try Team(["priya", "tom"])
        defer { team.shutdown() }
        let priya = team["priya"]
        let (path, line) = try Self.brokenTask(priya)
        try #require(team.daemon).stop()
        let sync = priya.baton(["sync"], timeout: 30)
        #expect(sync.status == 69, "\(sync)")
        #expect(
            sync.stderrLines.contains { $0.contains("warning: \(path):\(line):") && $0.contains("committed") },
            "\(sync)")
        #expect(try priya.git.check(["status", "--porcelain"], in: priya.journal).isEmpty, "the edit is committed")
    }
}
