import Foundation
import TestSupport
import Testing

/// Transfer progress of clone, fetch and push of a journal with a few hundred files: nothing on a pipe,
/// a progress line on a terminal (faked with `script`).
@Suite("Transports: progress", .serialized)
struct TransportsProgressTests {
    /// Writes `count` files under `archive/<prefix>-N.md` in the person's clone (hand edits `sync` commits).
    private func addFiles(_ person: Person, prefix: String, count: Int) throws {
        for n in 0..<count {
            try Files.write(
                "# \(prefix) \(n)\n\n" + String(repeating: "line \(n) of \(prefix)\n", count: 40),
                to: person.path("archive/\(prefix)-\(n).md"))
        }
    }

    /// Runs baton under `script`, so that its stdout and stderr are a terminal; returns what the terminal showed.
    private func onTerminal(_ person: Person, _ args: [String], in dir: String) -> CommandResult {
        let quoted = ([person.executable] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return ProcessRunner.run(
            executable: ProcessRunner.which("script") ?? "/usr/bin/script",
            arguments: ["-q", "-e", "-c", quoted.joined(separator: " "), "/dev/null"],
            directory: dir, environment: person.sandbox.variables(), timeout: 120)
    }

    @Test("Clone, fetch and push of a large journal print nothing on stderr when it is a pipe")
    func silentOnPipe() throws {
        let team = try Team(["alice"])
        let alice = team["alice"]
        try addFiles(alice, prefix: "first", count: 300)
        let push = alice.baton(["sync"], timeout: 120)
        try #require(push.status == 0, "\(push)")
        #expect(push.stderr.isEmpty, "push progress on a pipe:\n\(push)")

        let bob = try team.sandbox(for: "bob", machine: "bob")
        let clone = bob.baton(
            team.executable, ["clone", team.remoteURL!, "bob", "--me", "bob"], in: team.folder.path, timeout: 120)
        try #require(clone.status == 0, "\(clone)")
        #expect(clone.stderr.isEmpty, "clone progress on a pipe:\n\(clone)")
        #expect(clone.stdout.split(separator: "\n").count == 1, "\(clone)")
        #expect(Files.workTreeFiles(team.folder.sub("bob")).filter { $0.hasPrefix("archive/") }.count == 300)

        try addFiles(alice, prefix: "second", count: 300)
        #expect(alice.baton(["sync"], timeout: 120).status == 0)
        let fetch = bob.baton(team.executable, ["sync"], in: team.folder.sub("bob"), timeout: 120)
        #expect(fetch.status == 0, "\(fetch)")
        #expect(fetch.stderr.isEmpty, "fetch progress on a pipe:\n\(fetch)")
    }

    @Test(
        "On a terminal, clone and push show transfer progress",
        .enabled(
            if: ProcessRunner.which("script") != nil || ProcessInfo.processInfo.environment["CI"] != nil,
            "needs script(1) from util-linux (never skipped under CI)"))
    func progressOnTerminal() throws {
        let team = try Team(["alice"])
        let alice = team["alice"]
        try addFiles(alice, prefix: "first", count: 300)
        let push = onTerminal(alice, ["sync"], in: alice.journal)
        try #require(push.status == 0, "\(push)")
        #expect(push.stdout.contains("Sending: 100%"), "no push progress on a terminal:\n\(push)")

        let carol = try team.sandbox(for: "carol", machine: "carol")
        let carolPerson = Person(
            handle: "carol", journal: team.folder.sub("carol"), executable: team.executable, sandbox: carol)
        let clone = onTerminal(carolPerson, ["clone", team.remoteURL!, "carol", "--me", "carol"], in: team.folder.path)
        try #require(clone.status == 0, "\(clone)")
        #expect(clone.stdout.contains("Receiving: 100%"), "no clone progress on a terminal:\n\(clone)")
        #expect(clone.stdout.contains("objects"), "\(clone)")
    }
}
