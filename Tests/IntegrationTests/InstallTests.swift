import Foundation
import TestSupport
import Testing

/// `make install` into a temporary DESTDIR puts the binary, the man page and the three completion scripts
/// where each reader looks; each is then used as its reader uses it, and `make uninstall` removes them.
/// The binary installed is the one under test (`INSTALL_BIN`), so CI builds the release binary only once.
@Suite("make install and uninstall", .serialized)
struct InstallTests {
    static let now = ["BATON_NOW": "2026-11-24T09:00:00+01:00"]
    static let prefix = "/usr/local"
    static let titles = ["Backfill orders", "Retry runbook"]
    static let files = [
        "bin/baton", "share/man/man1/baton.1", "share/bash-completion/completions/baton",
        "share/zsh/site-functions/_baton", "share/fish/vendor_completions.d/baton.fish",
    ]

    /// The package root: `<root>/Tests/IntegrationTests/InstallTests.swift`.
    static var packageRoot: String {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.path
    }

    static func make(_ target: String, destdir: String, sandbox: Sandbox) throws -> CommandResult {
        let make = try #require(ProcessRunner.which("make"), "make is not installed")
        // The man page tool is built once (`make test` builds it first); a first build takes minutes.
        return ProcessRunner.run(
            executable: make,
            arguments: [
                "-C", packageRoot, target, "DESTDIR=\(destdir)", "PREFIX=\(prefix)",
                "INSTALL_BIN=\(try BatonBinary.require())",
            ],
            directory: packageRoot, environment: sandbox.variables(), timeout: 900)
    }

    @Test("installs into DESTDIR; the binary runs, man renders the page, each shell loads its script")
    func installAndUse() throws {
        let (team, priya) = try Team.solo("priya")
        defer { withExtendedLifetime(team) {} }
        try priya.ok(["member", "add", "tom", "--name", "Tom Berg"], env: Self.now)
        var planted: [String] = []
        for title in Self.titles {
            planted.append(try Checks.requireID(try priya.ok(["task", "add", title], env: Self.now)))
        }
        let destdir = team.folder.sub("stage")
        let root = destdir + Self.prefix

        let install = try Self.make("install", destdir: destdir, sandbox: priya.sandbox)
        try #require(install.status == 0, "\(install)")
        for file in Self.files {
            #expect(FileManager.default.fileExists(atPath: "\(root)/\(file)"), "missing \(file):\n\(install)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: "\(root)/bin/baton"))

        // The installed binary runs, and finds the journal's ids through its own completion call.
        let installed = "\(root)/bin/baton"
        let version = priya.sandbox.baton(installed, ["--version"], in: priya.journal)
        #expect(version.status == 0 && version.out == "0.1.0", "\(version)")
        let onPath = ["PATH": "\(root)/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let env = Self.now.merging(onPath) { $1 }

        try expectManPageRenders("\(root)/share/man/man1/baton.1", sandbox: priya.sandbox)
        try expectBashLoads(share: "\(root)/share", planted: planted, priya: priya, env: env)
        try expectZshLoads(functions: "\(root)/share/zsh/site-functions", planted: planted, priya: priya, env: env)
        try expectFishLoads(share: "\(root)/share", planted: planted, priya: priya, env: env)

        let uninstall = try Self.make("uninstall", destdir: destdir, sandbox: priya.sandbox)
        #expect(uninstall.status == 0, "\(uninstall)")
        for file in Self.files {
            #expect(!FileManager.default.fileExists(atPath: "\(root)/\(file)"), "left behind: \(file)")
        }
    }

    /// `man -l` formats the page without a warning: its name, synopsis and every command's abstract.
    func expectManPageRenders(_ page: String, sandbox: Sandbox) throws {
        let man = try #require(ProcessRunner.which("man"), "man is not installed (man-db)")
        let r = ProcessRunner.run(
            executable: man, arguments: ["-l", page], directory: "/",
            environment: sandbox.variables(["MANPAGER": "cat", "MANWIDTH": "100"]), timeout: 60)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.isEmpty, "man warned:\n\(r)")
        for text in ["NAME", "SYNOPSIS", "DESCRIPTION", "A team journal in plain git", "Show a task with its log."] {
            #expect(r.stdout.contains(text), "the page has no '\(text)':\n\(r)")
        }
    }

    /// bash-completion's loader finds the script through `XDG_DATA_DIRS` as it finds
    /// /usr/local/share/bash-completion/completions/baton, and `baton task show <TAB>` offers the ids.
    func expectBashLoads(share: String, planted: [String], priya: Person, env: [String: String]) throws {
        let loaded = env.merging(["XDG_DATA_DIRS": share]) { $1 }
        let show = try ShellCompletion.bash(
            ["baton", "task", "show", ""], script: nil, in: priya.journal, sandbox: priya.sandbox, env: loaded)
        #expect(show.result.status == 0, "\(show.result)")
        #expect(Set(show.candidates) == Set(planted), "\(show.result)")
        let subcommand = try ShellCompletion.bash(
            ["baton", "ta"], script: nil, in: priya.journal, sandbox: priya.sandbox, env: loaded)
        #expect(subcommand.candidates == ["task"], "\(subcommand.result)")
    }

    /// zsh's compinit, with the folder in `fpath` (as /usr/local/share/zsh/site-functions is on Debian),
    /// binds `_baton` to baton and the file parses; in an interactive zsh, `baton task show <TAB>` lists the
    /// planted ids with their titles.
    func expectZshLoads(functions: String, planted: [String], priya: Person, env: [String: String]) throws {
        let zsh = try #require(ProcessRunner.which("zsh"), "zsh is not installed")
        let dump = priya.path("../zcompdump")
        let script = """
            fpath=("$1" $fpath)
            autoload -Uz compinit && compinit -u -d "$2"
            print -r -- "bound: $_comps[baton]"
            zsh -n "$1/_baton" && print parses
            """
        let r = ProcessRunner.run(
            executable: zsh, arguments: ["-f", "-c", script, "zsh", functions, dump],
            directory: priya.journal, environment: priya.sandbox.variables(env), timeout: 60)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "bound: _baton\nparses\n", "\(r)")

        // Two random ids share their first character one time in 31; zsh then inserts that character and,
        // with LIST_AMBIGUOUS (its default), lists nothing until a second <TAB>. Listing at once keeps the
        // test about the script, not about the ids drawn.
        let setup =
            "PS1='> '; unsetopt listambiguous; fpath=(\(functions) $fpath); autoload -Uz compinit; compinit -u -d \(dump)"
        let typed = try ShellCompletion.interactive(
            "zsh -f -i", setup: setup, line: "baton task show ", awaited: "\(Self.titles[1]) (todo)",
            in: priya.journal, sandbox: priya.sandbox, env: env)
        for (id, title) in zip(planted, Self.titles) {
            #expect(
                typed.screen.range(of: #"\#(id) +-- \#(title) \(todo\)"#, options: .regularExpression) != nil,
                "zsh did not list \(id) with its title:\n\(typed.screen)\n\(typed.result)")
        }
    }

    /// fish reads vendor_completions.d of each `XDG_DATA_DIRS` folder: `complete -C` offers the subcommands
    /// with their abstracts. The ids need an interactive fish (fish 3 answers `commandline -C`, which the
    /// custom completions call, only there): `baton task show <TAB>` lists them with their titles.
    func expectFishLoads(share: String, planted: [String], priya: Person, env: [String: String]) throws {
        let fish = try #require(ProcessRunner.which("fish"), "fish is not installed")
        let script = """
            complete -C 'baton ta'
            complete -C 'baton task sh'
            fish --no-execute "$argv[1]" && echo parses
            """
        let loaded = env.merging(["XDG_DATA_DIRS": share]) { $1 }
        let r = ProcessRunner.run(
            executable: fish, arguments: ["-c", script, "\(share)/fish/vendor_completions.d/baton.fish"],
            directory: priya.journal, environment: priya.sandbox.variables(loaded), timeout: 60)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("task\tCreate, hand on and close tasks.\n"), "\(r)")
        #expect(r.stdout.contains("show\tShow a task with its log.\n"), "\(r)")
        #expect(r.stdout.hasSuffix("parses\n"), "\(r)")

        let typed = try ShellCompletion.interactive(
            "fish -i", setup: nil, line: "baton task show ", awaited: "\(Self.titles[1]) (todo)", in: priya.journal,
            sandbox: priya.sandbox, env: loaded)
        for (id, title) in zip(planted, Self.titles) {
            #expect(
                typed.screen.range(of: #"\#(id) +\(\#(title) \(todo\)\)"#, options: .regularExpression) != nil,
                "fish did not list \(id) with its title:\n\(typed.screen)\n\(typed.result)")
        }
    }
}
