import Foundation
import TestSupport
import Testing

/// Long text output goes through the pager on a terminal only (faked with `script`), never on a pipe,
/// and `--no-pager`, an empty `PAGER` or `PAGER=cat` turn it off; `BATON_PAGER` wins over `GIT_PAGER` and `PAGER`.
@Suite(
    "Pager", .serialized,
    .enabled(
        if: ProcessRunner.which("script") != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs script(1) from util-linux (never skipped under CI)"))
struct PagerTests {
    /// Runs baton under `script` on a terminal 5 rows high; returns what the terminal showed.
    static func onTerminal(_ person: Person, _ args: [String], env: [String: String]) -> CommandResult {
        let quoted = ([person.executable] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return ProcessRunner.run(
            executable: ProcessRunner.which("script") ?? "/usr/bin/script",
            arguments: ["-q", "-e", "-c", "stty rows 5 cols 100; " + quoted.joined(separator: " "), "/dev/null"],
            directory: person.journal, environment: person.sandbox.variables(env), timeout: 60)
    }

    static func withTasks() throws -> (Team, Person) {
        let (team, priya) = try Team.solo("priya")
        for n in 1...8 {
            try priya.ok(["task", "add", "Task number \(n)"], env: ["BATON_NOW": "2026-11-24T09:00:00Z"])
        }
        return (team, priya)
    }

    @Test("task list on a terminal goes through $PAGER; --no-pager, PAGER=cat and a pipe print directly")
    func pagesOnTerminalOnly() throws {
        let (team, priya) = try Self.withTasks()
        defer { withExtendedLifetime(team) {} }
        let paged = priya.path("../paged.txt")
        let pager = "cat > '\(paged)'"
        let run = Self.onTerminal(priya, ["task", "list"], env: ["PAGER": pager])
        #expect(run.status == 0, "\(run)")
        #expect(Files.read(paged)?.contains("Task number 8") == true, "\(run)")
        #expect(!run.stdout.contains("Task number 8"), "the pager took the output:\n\(run)")
        try FileManager.default.removeItem(atPath: paged)

        for (args, env) in [
            (["task", "list", "--no-pager"], ["PAGER": pager]), (["--no-pager", "task", "list"], ["PAGER": pager]),
            (["task", "list"], ["PAGER": "cat"]),
            (["task", "list"], ["PAGER": "", "GIT_PAGER": pager, "BATON_PAGER": ""]),
        ] {
            let direct = Self.onTerminal(priya, args, env: env)
            #expect(direct.stdout.contains("Task number 8"), "\(args) \(env):\n\(direct)")
            #expect(Files.read(paged) == nil, "\(args) \(env) paged")
        }
        let piped = priya.baton(["task", "list"], env: ["PAGER": pager])
        #expect(piped.stdout.contains("Task number 8") && Files.read(paged) == nil, "\(piped)")
    }

    @Test("BATON_PAGER wins over GIT_PAGER, which wins over PAGER; output that fits the screen is not paged")
    func order() throws {
        let (team, priya) = try Self.withTasks()
        defer { withExtendedLifetime(team) {} }
        let baton = priya.path("../baton.txt")
        let git = priya.path("../git.txt")
        let env = ["BATON_PAGER": "cat > '\(baton)'", "GIT_PAGER": "cat > '\(git)'", "PAGER": "false"]
        #expect(Self.onTerminal(priya, ["task", "list"], env: env).status == 0)
        #expect(Files.read(baton)?.contains("Task number 1") == true && Files.read(git) == nil)
        var noBaton = env
        noBaton["BATON_PAGER"] = nil
        #expect(Self.onTerminal(priya, ["task", "list"], env: noBaton).status == 0)
        #expect(Files.read(git)?.contains("Task number 1") == true)
        try FileManager.default.removeItem(atPath: git)
        let short = Self.onTerminal(priya, ["member", "list"], env: noBaton)
        #expect(short.stdout.contains("Roster") && Files.read(git) == nil, "\(short)")
    }
}
