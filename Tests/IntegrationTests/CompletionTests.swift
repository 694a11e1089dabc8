import Foundation
import TestSupport
import Testing

/// Shell completion reads the journal: task and ask ids (with titles in zsh and fish), the roster's
/// handles and the subcommands, through the scripts `baton --generate-completion-script` writes.
@Suite("Shell completion of ids and handles")
struct CompletionTests {
    static let now = ["BATON_NOW": "2026-11-24T09:00:00+01:00"]

    /// A journal with two tasks, an ask to tom, and tom and lena on the roster; the bash script in `script`.
    struct Planted {
        let team: Team
        let priya: Person
        let tasks: [String]
        let ask: String
        let script: String
    }

    static func plant() throws -> Planted {
        let (team, priya) = try Team.solo("priya")
        try priya.ok(["member", "add", "priya"], env: now)
        try priya.ok(["member", "add", "tom", "--name", "Tom Berg"], env: now)
        try priya.ok(["member", "add", "lena"], env: now)
        let backfill = try Checks.requireID(try priya.ok(["task", "add", "Backfill orders"], env: now))
        let retry = try Checks.requireID(try priya.ok(["task", "add", "Fix the retry: runbook"], env: now))
        let ask = try Checks.requireID(try priya.ok(["ask", "tom", "Can you review #42?"], env: now))
        let generated = try priya.ok(["--generate-completion-script", "bash"])
        let script = team.folder.sub("baton.bash")
        try Files.write(generated.stdout, to: script)
        return Planted(team: team, priya: priya, tasks: [backfill, retry], ask: ask, script: script)
    }

    @Test("bash: `baton task show <TAB>` offers the planted task and ask ids; a prefix narrows them")
    func bashTaskShow() throws {
        let planted = try Self.plant()
        defer { withExtendedLifetime(planted.team) {} }
        let priya = planted.priya
        let all = try ShellCompletion.bash(
            [priya.executable, "task", "show", ""], script: planted.script, in: priya.journal,
            sandbox: priya.sandbox, env: Self.now)
        #expect(all.result.status == 0, "\(all.result)")
        #expect(all.result.stderr.isEmpty, "\(all.result)")
        #expect(Set(all.candidates) == Set(planted.tasks + [planted.ask]), "\(all.result)")

        let first = planted.tasks[0]
        let narrowed = try ShellCompletion.bash(
            [priya.executable, "task", "show", String(first.prefix(3))], script: planted.script, in: priya.journal,
            sandbox: priya.sandbox, env: Self.now)
        #expect(narrowed.candidates.contains(first), "\(narrowed.result)")
        #expect(narrowed.candidates.allSatisfy { $0.hasPrefix(first.prefix(3)) }, "\(narrowed.result)")

        // `reply` completes asks only.
        let reply = try ShellCompletion.bash(
            [priya.executable, "reply", ""], script: planted.script, in: priya.journal, sandbox: priya.sandbox,
            env: Self.now)
        #expect(reply.candidates == [planted.ask], "\(reply.result)")
    }

    @Test("bash: handles from the roster for ask, task assign and --owner; subcommands of task")
    func bashHandlesAndSubcommands() throws {
        let planted = try Self.plant()
        defer { withExtendedLifetime(planted.team) {} }
        let priya = planted.priya
        func complete(_ words: [String]) throws -> [String] {
            let r = try ShellCompletion.bash(
                [priya.executable] + words, script: planted.script, in: priya.journal, sandbox: priya.sandbox,
                env: Self.now)
            #expect(r.result.status == 0 && r.result.stderr.isEmpty, "\(r.result)")
            return r.candidates
        }
        #expect(Set(try complete(["ask", ""])) == ["priya", "tom", "lena"])
        #expect(try complete(["ask", "t"]) == ["tom"])
        #expect(Set(try complete(["task", "assign", planted.tasks[0], ""])) == ["priya", "tom", "lena"])
        #expect(try complete(["task", "list", "--owner", "le"]) == ["lena"])
        #expect(try complete(["member", "remove", "l"]) == ["lena"])
        #expect(Set(try complete(["task", "s"])) == ["show", "start"])
    }

    @Test("bash: -C names the journal from elsewhere; outside a journal nothing is offered and nothing printed")
    func bashFolderOption() throws {
        let planted = try Self.plant()
        defer { withExtendedLifetime(planted.team) {} }
        let priya = planted.priya
        let outside = try planted.team.folder.makeFolder("elsewhere")
        let named = try ShellCompletion.bash(
            [priya.executable, "-C", priya.journal, "task", "show", ""], script: planted.script, in: outside,
            sandbox: priya.sandbox, env: Self.now)
        #expect(Set(named.candidates) == Set(planted.tasks + [planted.ask]), "\(named.result)")
        let relative = try ShellCompletion.bash(
            [priya.executable, "task", "show", "-C", "../priya", ""], script: planted.script, in: outside,
            sandbox: priya.sandbox, env: Self.now)
        #expect(Set(relative.candidates) == Set(planted.tasks + [planted.ask]), "\(relative.result)")

        let none = try ShellCompletion.bash(
            [priya.executable, "task", "show", ""], script: planted.script, in: outside, sandbox: priya.sandbox,
            env: Self.now)
        #expect(none.result.status == 0, "\(none.result)")
        #expect(none.candidates.isEmpty, "\(none.result)")
        #expect(none.result.stderr.isEmpty, "\(none.result)")
    }

    @Test("zsh and fish get each id with its title and status; a teammate's control bytes are made visible")
    func descriptionsForZshAndFish() throws {
        let planted = try Self.plant()
        defer { withExtendedLifetime(planted.team) {} }
        let priya = planted.priya
        let backfill = planted.tasks[0]
        let words = [priya.executable, "task", "show", ""]
        let zsh = ShellCompletion.candidates(
            priya.executable, command: ["task", "show"], position: 0, words: words, shell: "zsh", in: priya.journal,
            sandbox: priya.sandbox, env: Self.now)
        #expect(zsh.status == 0, "\(zsh)")
        #expect(zsh.stdout.contains("\(backfill):Backfill orders (todo)\n"), "\(zsh)")
        #expect(zsh.stdout.contains("\(planted.tasks[1]):Fix the retry: runbook (todo)\n"), "\(zsh)")
        let fish = ShellCompletion.candidates(
            priya.executable, command: ["task", "show"], position: 0, words: words, shell: "fish", in: priya.journal,
            sandbox: priya.sandbox, env: Self.now)
        #expect(fish.stdout.contains("\(backfill)\tBackfill orders (todo)\n"), "\(fish)")
        let handles = ShellCompletion.candidates(
            priya.executable, command: ["ask"], position: 0, words: [priya.executable, "ask", ""], shell: "fish",
            in: priya.journal, sandbox: priya.sandbox, env: Self.now)
        #expect(handles.stdout.split(separator: "\n") == ["priya", "tom\tTom Berg", "lena"], "\(handles)")

        // A hostile title (an escape sequence, a line break) reaches the shell as one visible line.
        let path = priya.path("tasks/\(backfill).md")
        let text = try #require(Files.read(path))
        try Files.write(
            text.replacingOccurrences(of: "title: Backfill orders", with: #"title: "evil \e[31m red\nsecond""#),
            to: path)
        let hostile = ShellCompletion.candidates(
            priya.executable, command: ["task", "show"], position: 0, words: words, shell: "zsh", in: priya.journal,
            sandbox: priya.sandbox, env: Self.now)
        #expect(hostile.stdout.contains("\(backfill):evil \\u{1b}[31m red second (todo)\n"), "\(hostile)")
        #expect(!hostile.stdout.contains("\u{1b}"), "\(hostile)")
    }
}
