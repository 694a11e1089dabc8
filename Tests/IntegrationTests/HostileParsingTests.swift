import Foundation
import TestSupport
import Testing

/// Files a hostile teammate pushes with plain git: YAML bombs, terminal escapes in fields, a broken
/// or missing `baton.yml`, task files that claim another task's id. Every read command keeps
/// working for the other files and names the bad one in one line; nothing bad is written or printed.
@Suite("Hostile journal content")
struct HostileParsingTests {
    /// Commit dates pinned for the teammate's hand-made commits.
    static let pinnedDates = ["GIT_AUTHOR_DATE": "2026-11-24T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-24T12:00:00Z"]
    static let now = ["BATON_NOW": "2026-11-24T13:00:00Z"]

    /// A task file's text, with `extra` front matter lines.
    static func task(_ id: String, title: String = "A task", extra: String = "") -> String {
        "---\nid: \(id)\ntitle: \(title)\nstatus: todo\nowner: bob\ncreated: 2026-11-24T09:00:00Z\n\(extra)---\n\nBody.\n"
    }

    /// The 561-byte alias bomb of the issue, as front matter lines (nine aliases on each of nine levels).
    static func bomb(levels: Int = 9) -> String {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<levels {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return yaml
    }

    /// `files` written (nil deletes) and pushed by `person` with the git CLI, dates pinned.
    static func pushByHand(_ person: Person, _ files: [String: String?], message: String = "hand edit") throws {
        for (path, text) in files {
            if let text {
                try Files.write(text, to: person.path(path))
            } else {
                try FileManager.default.removeItem(atPath: person.path(path))
            }
        }
        try person.git.check(["add", "-A"], in: person.journal)
        let commit = person.git.run(["commit", "-q", "-m", message], in: person.journal, env: pinnedDates)
        try #require(commit.status == 0, "\(commit)")
        let push = person.git.run(["push", "-q", "origin", "HEAD:main"], in: person.journal, env: pinnedDates)
        try #require(push.status == 0, "\(push)")
    }

    /// Runs baton under `/usr/bin/time` and returns the result and the peak resident set in KiB
    /// (nil where `/usr/bin/time` is missing).
    static func measured(_ person: Person, _ args: [String]) -> (CommandResult, Int?) {
        let timeTool = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: timeTool) else { return (person.baton(args, env: now), nil) }
        let report = person.journal + "/../peak-\(UUID().uuidString).txt"
        let r = ProcessRunner.run(
            executable: timeTool, arguments: ["-f", "%M", "-o", report, person.executable] + args,
            directory: person.journal, environment: person.sandbox.variables(now), stdin: nil, timeout: 60)
        defer { try? FileManager.default.removeItem(atPath: report) }
        let peak = Files.read(report).flatMap { Int($0.split(separator: "\n").last ?? "") }
        return (r, peak)
    }

    @Test("a YAML alias bomb is refused by every read command, now and in history")
    func aliasBomb() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let good = try alice.addTask("Still readable")
        try alice.sync()
        try bob.sync()
        let bombNote = "---\nauthor: bob\ndate: 2026-11-24\n" + Self.bomb() + "---\n\n## Today\n\n- boom\n"
        try Self.pushByHand(
            bob,
            [
                "tasks/aaaab2.md": Self.task("aaaab2", title: "bomb", extra: Self.bomb()),
                Person.notePath("bob", "2026-11-24"): bombNote,
            ])
        try alice.ok(["sync"], env: Self.now)
        try alice.ok(["note", "mine"], env: Self.now)
        for args in [
            ["task", "list"], ["inbox"], ["task", "show", good], ["digest"], ["log"], ["status"],
            ["standup"], ["site", team.folder.sub("site-1")],
        ] {
            let (r, peak) = Self.measured(alice, args)
            #expect(r.status == 0, "\(r)")
            #expect(r.duration < 20, "\(r)")
            if let peak { #expect(peak < 100 * 1024, "\(args): peak \(peak) KiB") }
        }
        let list = alice.baton(["task", "list"], env: Self.now)
        #expect(list.stdout.contains(good))
        #expect(list.stderrLines.contains { $0.contains("tasks/aaaab2.md") && $0.contains("anchors") }, "\(list)")
        let show = alice.baton(["task", "show", "aaaab2"], env: Self.now)
        Checks.expectCleanFailure(show, exitCode: 65)
        #expect(show.stderr.contains("tasks/aaaab2.md"), "\(show)")
        let digest = alice.baton(["digest"], env: Self.now)
        #expect(digest.stderrLines.contains { $0.contains("tasks/aaaab2.md") }, "\(digest)")
        let standup = alice.baton(["standup"], env: Self.now)
        #expect(standup.stdout.contains("mine"), "\(standup)")
        #expect(standup.stderrLines.contains { $0.contains(Person.notePath("bob", "2026-11-24")) }, "\(standup)")

        // Deleted again: the old version stays in history, and the history views still work.
        try bob.ok(["sync"], env: Self.now)
        try Self.pushByHand(bob, ["tasks/aaaab2.md": nil, Person.notePath("bob", "2026-11-24"): nil])
        try alice.ok(["sync"], env: Self.now)
        let log = alice.baton(["log"], env: Self.now)
        #expect(log.stderrLines.contains { $0.contains("tasks/aaaab2.md") && $0.contains("commit") }, "\(log)")
        for args in [["log"], ["digest"], ["history", good], ["site", team.folder.sub("site-2")]] {
            let (r, peak) = Self.measured(alice, args)
            #expect(r.status == 0, "\(r)")
            if let peak { #expect(peak < 100 * 1024, "\(args): peak \(peak) KiB") }
        }
        team.expectHealthy()
    }

    @Test("a 150 MB task version, in the work tree and then only in history, is never read into memory")
    func hugeVersion() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let good = try alice.addTask("Still readable")
        try alice.sync()
        try bob.sync()
        let line = String(repeating: "log dump line that a teammate pasted by mistake ", count: 2) + "\n"
        let huge = Self.task("aaaab4", title: "huge").replacingOccurrences(
            of: "Body.\n", with: String(repeating: line, count: 150 * 1_048_576 / line.utf8.count))
        try Self.pushByHand(bob, ["tasks/aaaab4.md": huge])
        try alice.ok(["sync"], env: Self.now)
        let views = [["task", "list"], ["inbox"], ["digest"], ["log"], ["history", good]]
        for args in views + [["site", team.folder.sub("site-1")]] {
            let (r, peak) = Self.measured(alice, args)
            #expect(r.status == 0, "\(r)")
            if let peak { #expect(peak < 100 * 1024, "\(args): peak \(peak) KiB") }
        }
        try bob.ok(["sync"], env: Self.now)
        try Self.pushByHand(bob, ["tasks/aaaab4.md": nil])
        try alice.ok(["sync"], env: Self.now)
        for args in views + [["site", team.folder.sub("site-2")]] {
            let (r, peak) = Self.measured(alice, args)
            #expect(r.status == 0, "\(r)")
            if let peak { #expect(peak < 100 * 1024, "\(args): peak \(peak) KiB") }
        }
        let log = alice.baton(["log"], env: Self.now)
        #expect(log.stderrLines.contains { $0.contains("tasks/aaaab4.md") }, "the skipped version is named: \(log)")
    }

    @Test("task done on a task with a small alias bomb commits nothing")
    func smallBombIsNeverRewritten() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let text = Self.task("aaaab3", title: "small bomb", extra: Self.bomb(levels: 4))
        try Self.pushByHand(bob, ["tasks/aaaab3.md": text])
        try alice.ok(["sync"], env: Self.now)
        let head = alice.git.head(alice.journal)
        let r = alice.baton(["task", "done", "aaaab3"], env: Self.now)
        Checks.expectCleanFailure(r, exitCode: 65)
        #expect(r.stderr.contains("tasks/aaaab3.md"))
        Checks.expectUnchanged(alice, head: head)
        #expect(alice.read("tasks/aaaab3.md") == text)
    }

    @Test("terminal escapes in owner, from, to, team and notes never reach the terminal")
    func escapesStayOffTheTerminal() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let good = try alice.addTask("Plain task")
        try alice.sync()
        try bob.sync()
        let escape = #""o\e]0;pwned\a\e]52;c;aGVsbG8=\a""#
        let config = try #require(bob.read("baton.yml"))
        try Self.pushByHand(
            bob,
            [
                "tasks/owner1.md": Self.task("owner1", extra: "").replacingOccurrences(
                    of: "owner: bob", with: "owner: \(escape)"),
                "tasks/asker1.md": Self.task("asker1", extra: "kind: ask\nfrom: \(escape)\nto: alice\n"),
                "tasks/asked1.md": Self.task("asked1", extra: "kind: ask\nfrom: bob\nto: \(escape)\n"),
                "baton.yml": config.replacingOccurrences(of: "team: ", with: "team: \(escape) #"),
                "notes/bob/2026-11-24.md":
                    "---\nauthor: bob\ndate: 2026-11-24\n---\n\n## Done\n\n- shipped \u{1B}]0;pwned\u{07}\n",
            ])
        try alice.ok(["sync"], env: Self.now)
        try Files.write("x\n", to: alice.path("notes/odd\u{1B}]0;t\u{07}.md"))
        let commands = [
            ["task", "list"], ["inbox"], ["task", "show", good], ["task", "show", "owner1"],
            ["task", "show", "asker1"], ["standup", "--date", "2026-11-24", "--markdown"],
            ["standup", "--date", "2026-11-24"], ["digest"], ["digest", "--format", "markdown"],
            ["status"], ["log"],
        ]
        for args in commands {
            let r = alice.baton(args, env: Self.now)
            #expect(r.status == 0 || r.status == 65, "\(r)")
            let bytes = Array((r.stdout + r.stderr).utf8)
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "\(args) printed a raw ESC or BEL:\n\(r)")
        }
        let list = alice.baton(["task", "list"], env: Self.now)
        #expect(list.status == 0 && list.stdout.contains(good), "\(list)")
        for (file, field) in [("tasks/owner1.md", "owner"), ("tasks/asker1.md", "from"), ("tasks/asked1.md", "to")] {
            #expect(list.stderrLines.contains { $0.contains(file) && $0.contains(field) }, "\(file) \(field):\n\(list)")
        }
        let show = alice.baton(["task", "show", "owner1"], env: Self.now)
        Checks.expectCleanFailure(show, exitCode: 65)
    }

    @Test("a bad or deleted baton.yml gives a warning and the defaults; every command, sync included, works")
    func brokenOrMissingConfig() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        _ = try alice.addTask("Before")
        try alice.sync()
        try bob.sync()
        let config = try #require(bob.read("baton.yml"))
        let bad = config.replacingOccurrences(of: "ask_window_hours: 24", with: "ask_window_hours: \"abc\"")
        #expect(bad != config)
        try Self.pushByHand(bob, ["baton.yml": bad])
        // The sync that fetches the bad file read the good one; every command after it warns.
        try alice.ok(["sync"], env: Self.now)
        let commands = [
            ["sync"], ["task", "list"], ["inbox"], ["note", "still works"], ["status"],
            ["ask", "bob", "ok?", "--force"],
            ["standup"], ["digest"], ["log"],
        ]
        for args in commands {
            let r = alice.baton(args, env: Self.now)
            #expect(r.status == 0, "\(r)")
            #expect(r.stderrLines.contains { $0.contains("baton.yml") && $0.contains("ask_window_hours") }, "\(r)")
        }
        // The ask got the default window of 24 hours.
        let asks = try alice.taskList().filter { $0.kind == "ask" }
        #expect(asks.count == 1 && asks.first?.respondBy?.hasPrefix("2026-11-25T13:00:00") == true, "\(asks)")

        try bob.ok(["sync"], env: Self.now)
        try Self.pushByHand(bob, ["baton.yml": nil])
        try alice.ok(["sync"], env: Self.now)
        for args in [["sync"], ["task", "list"], ["note", "no settings"], ["status"]] {
            let r = alice.baton(args, env: Self.now)
            #expect(r.status == 0, "\(r)")
            #expect(r.stderrLines.contains { $0.contains("baton.yml") && $0.contains("missing") }, "\(r)")
        }

        try bob.ok(["sync"], env: Self.now)
        try Self.pushByHand(bob, ["baton.yml": config])
        try alice.ok(["sync"], env: Self.now)
        let fixed = alice.baton(["task", "list"], env: Self.now)
        #expect(fixed.status == 0 && fixed.stderr.isEmpty, "\(fixed)")
        team.expectHealthy()
    }

    @Test("a task file claiming another task's id is reported and never written through")
    func impostorID() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let real = try alice.addTask("Real task")
        try alice.sync()
        try bob.sync()
        let original = try #require(alice.read("tasks/\(real).md"))
        try Self.pushByHand(bob, ["tasks/aaaab2.md": Self.task(real, title: "Impostor")])
        try alice.ok(["sync"], env: Self.now)
        let head = alice.git.head(alice.journal)
        for args in [
            ["task", "start", "aaaab2"], ["task", "start", "aaaab"], ["reply", "aaaab2", "x"],
            ["task", "show", "aaaab2"],
        ] {
            let r = alice.baton(args, env: Self.now)
            Checks.expectCleanFailure(r, exitCode: 65)
            #expect(r.stderr.contains("tasks/aaaab2.md") && r.stderr.contains("tasks/\(real).md"), "\(r)")
        }
        Checks.expectUnchanged(alice, head: head)
        #expect(alice.read("tasks/\(real).md") == original)

        let list = alice.baton(["task", "list"], env: Self.now)
        #expect(list.status == 0 && list.stdout.contains("Real task") && !list.stdout.contains("Impostor"), "\(list)")
        #expect(
            list.stderrLines.filter { $0.contains("tasks/aaaab2.md") && $0.contains("tasks/\(real).md") }.count == 1,
            "\(list)")

        try alice.ok(["task", "start", real], env: Self.now)
        let changed = alice.git.run(["show", "--name-only", "--format=", "HEAD"], in: alice.journal).out
        #expect(changed == "tasks/\(real).md")
        #expect(try alice.task(real).title == "Real task")
        #expect(alice.read("tasks/aaaab2.md") == Self.task(real, title: "Impostor"))
    }

    @Test("files that start with a UTF-8 byte order mark are read like any other")
    func byteOrderMarks() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let config = try #require(bob.read("baton.yml"))
        let note = "---\nauthor: bob\ndate: 2026-11-24\n---\n\n## Today\n\n- 09:00 marked\n"
        try Self.pushByHand(
            bob,
            [
                "tasks/bom234.md": "\u{FEFF}" + Self.task("bom234", title: "Marked"),
                Person.notePath("bob", "2026-11-24"): "\u{FEFF}" + note,
                "baton.yml": "\u{FEFF}" + config.replacingOccurrences(of: "stale_days: 7", with: "stale_days: 3"),
            ])
        try alice.ok(["sync"], env: Self.now)
        let show = try alice.ok(["task", "show", "bom234"], env: Self.now)
        #expect(show.stdout.contains("Marked") && show.stderr.isEmpty, "\(show)")
        let standup = try alice.ok(["standup", "--date", "2026-11-24"], env: Self.now)
        #expect(standup.stdout.contains("marked") && standup.stderr.isEmpty, "\(standup)")
        try alice.ok(["task", "done", "bom234"], env: Self.now)
        #expect(try alice.task("bom234").status == "done")
    }

    @Test("a git repository that never was a journal is still refused with exit 78")
    func plainRepositoryIsNoJournal() throws {
        let team = try Team(remote: false)
        defer { team.shutdown() }
        let sandbox = try team.sandbox(for: "alice", machine: "alice")
        let plain = try team.folder.makeFolder("plain")
        try sandbox.git.check(["init", "-q"], in: plain)
        try Files.write("mine\n", to: plain + "/notes/todo.md")
        try sandbox.git.check(["add", "-A"], in: plain)
        let commit = sandbox.git.run(["commit", "-q", "-m", "x"], in: plain, env: Self.pinnedDates)
        try #require(commit.status == 0, "\(commit)")
        for args in [["task", "list"], ["note", "hello"], ["sync"]] {
            Checks.expectCleanFailure(sandbox.baton(team.executable, args, in: plain, env: Self.now), exitCode: 78)
        }
        #expect(sandbox.git.porcelain(plain).isEmpty)
    }
}
