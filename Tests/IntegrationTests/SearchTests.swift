import Foundation
import TestSupport
import Testing

/// `baton search` against planted text: whole words in any case, every word on the line, newest first,
/// the filters, nothing from `.git` or outside notes/ and tasks/, and teammates' bytes made terminal-safe.
@Suite("Search")
struct SearchTests {
    struct Hit: Decodable, Equatable {
        let file: String
        let kind: String
        let part: String
        let id: String?
        let day: String
        let author: String
        let line: String
    }

    static func at(_ iso: String) -> [String: String] { ["BATON_NOW": iso] }

    static func search(_ person: Person, _ args: [String]) throws -> [Hit] {
        let r = try person.ok(["search"] + args + ["--json"], env: at("2026-11-27T12:00:00Z"))
        return try Checks.decode([Hit].self, r.stdout)
    }

    /// alice's and bob's notes, a task with a blocked log line, an ask, and near misses.
    static func planted() throws -> (Team, Person, task: String, ask: String) {
        let (team, alice) = try Team.solo("alice")
        try alice.ok(["member", "add", "alice"], env: at("2026-11-23T08:00:00Z"))
        try alice.ok(["member", "add", "bob"], env: at("2026-11-23T08:00:00Z"))
        try alice.ok(["note", "wrote the Retry runbook draft"], env: at("2026-11-23T09:00:00Z"))
        try alice.ok(["note", "retrying the runbooks, no whole word here"], env: at("2026-11-23T10:00:00Z"))
        try alice.ok(["note", "runbook only, the other word missing"], env: at("2026-11-23T11:00:00Z"))
        let task = try Checks.requireID(
            try alice.ok(["task", "add", "Review the retry runbook", "--tag", "ops"], env: at("2026-11-24T10:00:00Z")))
        try alice.ok(
            ["task", "block", task, "--reason", "waiting on RUNBOOK retry numbers"], env: at("2026-11-25T08:00:00Z"))
        let ask = try Checks.requireID(
            try alice.ok(["ask", "bob", "is the runbook for retry done?", "--force"], env: at("2026-11-25T12:00:00Z")))
        // bob's note, written by hand and committed with the git CLI.
        let bobNote = Person.notePath("bob", "2026-11-26")
        try Files.write(
            "---\nauthor: bob\ndate: 2026-11-26\nutc_offset: \"+00:00\"\n---\n\n## Today\n\n- 16:00 read the retry runbook\n",
            to: alice.path(bobNote))
        try alice.git.check(["add", bobNote], in: alice.journal)
        try alice.git.check(
            ["commit", "-q", "-m", "note: bob 2026-11-26"], in: alice.journal, env: Git.dated("2026-11-26T16:00:00Z"))
        return (team, alice, task, ask)
    }

    @Test("every word as a whole word, any case, in notes, titles, log lines and asks, newest first")
    func findsPlantedText() throws {
        let (team, alice, task, ask) = try Self.planted()
        defer { team.shutdown() }
        let hits = try Self.search(alice, ["retry", "RunBook"])
        #expect(hits.map(\.line).contains("16:00 read the retry runbook"), "\(hits)")
        #expect(
            hits.contains {
                $0.file == "notes/alice/2026/2026-11-23.md" && $0.line == "09:00 wrote the Retry runbook draft"
            })
        #expect(hits.contains { $0.id == task && $0.part == "title" && $0.kind == "task" })
        #expect(hits.contains { $0.id == task && $0.part == "log" && $0.line.contains("waiting on RUNBOOK retry") })
        #expect(hits.contains { $0.id == ask && $0.kind == "ask" && $0.part == "title" })
        #expect(!hits.contains { $0.line.contains("retrying") || $0.line.contains("runbook only") }, "\(hits)")
        #expect(hits.count == 5, "\(hits)")
        let bob = try #require(hits.first { $0.author == "bob" })
        #expect(bob.day == "2026-11-26" && bob.file == "notes/bob/2026/2026-11-26.md")
        // Newest first: bob's note of the 26th, the block of the 25th, ..., alice's note of the 23rd last.
        #expect(hits.first == bob, "\(hits)")
        #expect(hits.last?.file == "notes/alice/2026/2026-11-23.md", "\(hits)")

        let text = try alice.ok(["search", "retry", "runbook"], env: Self.at("2026-11-27T12:00:00Z")).stdout
        let first = try #require(text.split(separator: "\n").first.map(String.init))
        #expect(first.hasPrefix("2026-11-26  bob "), "\(text)")
        #expect(first.contains("notes/bob/2026/2026-11-26.md") && first.hasSuffix("16:00 read the retry runbook"))
        #expect(!text.contains("\u{1B}"), "no color on a pipe:\n\(text)")

        let none = try alice.ok(["search", "nowhere-planted"]).stdout
        #expect(none.contains("No matches"), "\(none)")
        #expect(try Self.search(alice, ["runbook", "retry", "draft"]).count == 1)
    }

    @Test("--member, --since, --until, --tag and --in narrow the lines")
    func filters() throws {
        let (team, alice, task, ask) = try Self.planted()
        defer { team.shutdown() }
        let words = ["retry", "runbook"]
        #expect(try Self.search(alice, words + ["--member", "bob"]).map(\.author) == ["bob"])
        #expect(Set(try Self.search(alice, words + ["--member", "alice"]).map(\.author)) == ["alice"])
        let since = try Self.search(alice, words + ["--since", "2026-11-25"])
        #expect(since.allSatisfy { $0.day >= "2026-11-25" } && since.count == 3, "\(since)")
        let until = try Self.search(alice, words + ["--until", "2026-11-23"])
        #expect(until.map(\.file) == ["notes/alice/2026/2026-11-23.md"], "\(until)")
        let notes = try Self.search(alice, words + ["--in", "notes"])
        #expect(notes.allSatisfy { $0.kind == "note" } && notes.count == 2)
        let tasks = try Self.search(alice, words + ["--in", "tasks"])
        #expect(Set(tasks.compactMap(\.id)) == [task, ask] && tasks.count == 3)
        let tagged = try Self.search(alice, words + ["--tag", "OPS"])
        #expect(Set(tagged.compactMap(\.id)) == [task] && tagged.count == 2, "\(tagged)")

        // Argument errors print the usage too.
        #expect(alice.baton(["search"]).status == 64)
        #expect(alice.baton(["search", "x", "--in", "everything"]).status == 64)
        Checks.expectCleanFailure(alice.baton(["search", "x", "--member", "../bob"]), exitCode: 64)
        Checks.expectCleanFailure(
            alice.baton(["search", "x", "--since", "2026-11-25", "--until", "2026-11-24"]), exitCode: 64)
    }

    @Test("finds nothing in .git, outside notes/ and tasks/, or through a link")
    func onlyTheJournal() throws {
        let (team, alice, _, _) = try Self.planted()
        defer { team.shutdown() }
        let before = try Self.search(alice, ["retry", "runbook"])
        try Files.write("retry runbook in the git folder\n", to: alice.path(".git/notes/alice/2026/2026-11-26.md"))
        try Files.write("retry runbook\n", to: alice.path(".git/description"))
        try Files.write("retry runbook outside the journal folders\n", to: alice.path("docs/retry.md"))
        let outside = team.folder.sub("outside")
        try FileManager.default.createDirectory(atPath: outside + "/2026", withIntermediateDirectories: true)
        try Files.write("---\nauthor: eve\n---\n\n- 10:00 retry runbook leaked\n", to: outside + "/2026/2026-11-26.md")
        try FileManager.default.createSymbolicLink(atPath: alice.path("notes/eve"), withDestinationPath: outside)
        let r = try alice.ok(["search", "retry", "runbook", "--json"], env: Self.at("2026-11-27T12:00:00Z"))
        let after = try Checks.decode([Hit].self, r.stdout)
        #expect(after == before, "\(after)")
        #expect(!r.stdout.contains("leaked") && !r.stdout.contains(".git") && !r.stdout.contains("docs/"))
        #expect(r.stderrLines.contains { $0.contains("notes/eve") && $0.contains("link") }, "\(r)")
    }

    @Test("a teammate's escape sequences are shown escaped; words are highlighted on a terminal unless NO_COLOR")
    func terminalSafety() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let note = Person.notePath("mallory", "2026-11-24")
        try Files.write(
            "---\nauthor: mallory\ndate: 2026-11-24\n---\n\n- 10:00 \u{1B}]0;owned\u{07}retry runbook \u{1B}[2J\n",
            to: alice.path(note))
        let piped = try alice.ok(["search", "retry", "runbook"]).stdout
        #expect(!piped.contains("\u{1B}") && !piped.contains("\u{07}"), "\(piped)")
        #expect(piped.contains("\\u{1b}"), "the escape is made visible:\n\(piped)")

        let script = try #require(ProcessRunner.which("script"), "needs script(1) from util-linux")
        /// `baton search runbook` on a terminal (`script`), with the sandbox's `NO_COLOR` taken out unless `noColor`.
        func onTerminal(noColor: Bool) -> String {
            let command = ["'\(alice.executable)'", "search", "--no-pager", "runbook"].joined(separator: " ")
            var env = alice.sandbox.variables(["TERM": "xterm"])
            env["NO_COLOR"] = noColor ? "1" : nil
            return ProcessRunner.run(
                executable: script, arguments: ["-q", "-e", "-c", command, "/dev/null"], directory: alice.journal,
                environment: env, timeout: 60
            ).stdout
        }
        let colored = onTerminal(noColor: false)
        #expect(colored.contains("\u{1B}[1;31mrunbook\u{1B}[0m"), "\(colored.debugDescription)")
        #expect(!colored.contains("\u{1B}]0;") && !colored.contains("\u{1B}[2J"), "\(colored.debugDescription)")
        let plain = onTerminal(noColor: true)
        #expect(plain.contains("runbook") && !plain.contains("\u{1B}["), "\(plain.debugDescription)")
    }

    @Test("a hostile 6 MB line is matched by its start and shown cut, within bounded memory")
    func hugeLine() throws {
        let (team, alice) = try Team.solo("alice")
        defer { team.shutdown() }
        let line = "retry runbook " + String(repeating: "retry runbook padding ", count: 280_000)
        try Files.write(
            "---\nauthor: mallory\ndate: 2026-11-24\n---\n\n- 10:00 \(line)\n",
            to: alice.path(Person.notePath("mallory", "2026-11-24")))
        let report = team.folder.sub("peak.txt")
        let r = ProcessRunner.run(
            executable: "/usr/bin/time",
            arguments: ["-f", "%M", "-o", report, alice.executable, "search", "retry", "runbook", "--json"],
            directory: alice.journal, environment: alice.sandbox.variables(), timeout: 60)
        #expect(r.status == 0 && r.duration < 20, "\(r.status) after \(r.duration) s")
        let hits = try Checks.decode([Hit].self, r.stdout)
        #expect(hits.count == 1 && hits[0].line.hasSuffix("…") && hits[0].line.count < 5_000)
        let peak = try #require(Files.read(report).flatMap { Int($0.split(separator: "\n").last ?? "") })
        #expect(peak < 100 * 1024, "peak \(peak) KiB")
    }
}
