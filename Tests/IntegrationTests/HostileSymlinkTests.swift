import Foundation
import TestSupport
import Testing

/// A teammate pushes symbolic links with plain git; baton on the victim's clone never reads or writes
/// through them, says which path it skipped or refused, and keeps working on the rest of the journal.
@Suite("Hostile symlinks", .serialized)
struct HostileSymlinkTests {
    static let now = ["BATON_NOW": "2026-11-24T10:00:00+00:00"]
    static let secret = "SECRET-7f3a9c-do-not-leak"

    /// The victim's files outside the journal (stand-ins for ~/.ssh): `team/outside/`.
    struct Outside {
        let folder: String

        init(_ team: Team) throws {
            folder = try team.folder.makeFolder("outside")
            let note =
                "---\nauthor: bob\ndate: 2026-11-24\nutc_offset: \"+00:00\"\n---\n\n## Yesterday\n\n## Today\n\n"
                + "- 09:00 \(HostileSymlinkTests.secret)\n\n## Blockers\n"
            let task =
                "---\nid: abcdef\ntitle: \(HostileSymlinkTests.secret)\nstatus: todo\nowner: alice\n"
                + "created: 2026-11-24T09:00:00+00:00\nupdated: 2026-11-24T09:00:00+00:00\n---\n\n"
                + "\(HostileSymlinkTests.secret)\n\n## Log\n\n- 2026-11-24T09:00:00+00:00 bob: created\n"
            // A secret that also reads as a valid template, note and task: following a link would show it.
            try Files.write(note, to: folder + "/secret")
            try Files.write(note, to: folder + "/daily.md")
            try Files.write(task, to: folder + "/task.md")
            try Files.write(task, to: folder + "/abcdef.md")
            try Files.write("id_ed25519 " + HostileSymlinkTests.secret + "\n", to: folder + "/id_ed25519")
        }

        /// Every file under the folder with its content.
        func snapshot() -> [String: String] {
            var out: [String: String] = [:]
            for path in FileManager.default.subpaths(atPath: folder) ?? [] {
                out[path] = Files.read(folder + "/" + path) ?? "(folder)"
            }
            return out
        }
    }

    /// The teammate's commit: `links` (path to target) made with `ln -s`, `removed` paths `git rm`-ed,
    /// committed at a pinned date and pushed with plain git.
    private func push(
        _ person: Person, links: [String: String] = [:], removed: [String] = [],
        files: [String: String] = [:], message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let dates = ["GIT_AUTHOR_DATE": "2026-11-24T09:30:00+00:00", "GIT_COMMITTER_DATE": "2026-11-24T09:30:00+00:00"]
        for path in removed {
            let r = person.git.run(["rm", "-r", "-q", path], in: person.journal)
            try #require(r.status == 0, "git rm:\n\(r)", sourceLocation: sourceLocation)
        }
        for (path, target) in links {
            let full = person.path(path)
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
        }
        for (path, text) in files { try Files.write(text, to: person.path(path)) }
        for args in [["add", "-A"], ["commit", "-q", "-m", message], ["push", "-q", "origin", "HEAD"]] {
            let r = person.git.run(args, in: person.journal, env: dates)
            try #require(r.status == 0, "git \(args[0]):\n\(r)", sourceLocation: sourceLocation)
        }
    }

    /// The end of every case: the outside files are as they were, the secret is in no commit of the
    /// remote or of the victim's clone, and the rest of the journal still reads.
    private func expectContained(
        _ team: Team, _ victim: Person, _ outside: Outside, before: [String: String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(outside.snapshot() == before, "files outside the journal changed", sourceLocation: sourceLocation)
        let remote = try #require(team.bareRepo)
        for (name, dir) in [("remote", remote), ("victim's clone", victim.journal)] {
            let log = team.witness.git.run(["log", "-p", "--all"], in: dir)
            #expect(log.status == 0, "\(log)", sourceLocation: sourceLocation)
            #expect(
                !log.stdout.contains(Self.secret), "the secret is in a commit of the \(name)",
                sourceLocation: sourceLocation)
        }
        let list = victim.baton(["task", "list", "--json"], env: Self.now)
        #expect(list.status == 0, "task list:\n\(list)", sourceLocation: sourceLocation)
        #expect(
            list.stdout.contains("Plain task"), "the rest of the journal is unreadable:\n\(list)",
            sourceLocation: sourceLocation)
        #expect(!list.stdout.contains(Self.secret), "\(list)", sourceLocation: sourceLocation)
    }

    private func expectWarning(
        _ r: CommandResult, naming path: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let lines = r.stderrLines.filter { $0.contains(path) && $0.contains("symbolic link") }
        #expect(lines.count == 1, "expected one stderr line naming \(path):\n\(r)", sourceLocation: sourceLocation)
        #expect(
            !r.stdout.contains(Self.secret) && !r.stderr.contains(Self.secret), "the secret was shown:\n\(r)",
            sourceLocation: sourceLocation)
    }

    @Test("linked template overrides are ignored with a warning: the built-ins are used and nothing outside is read")
    func linkedTemplates() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let outside = try Outside(team)
        let before = outside.snapshot()
        _ = try alice.addTask("Plain task")
        try alice.sync()
        try bob.sync()
        let links = [
            "templates/daily.md": "../../outside/secret", "templates/task.md": "../../outside/task.md",
            "templates/ask.md": "../../outside/id_ed25519",
        ]
        try push(bob, links: links, message: "templates")
        try alice.sync()

        let note = alice.baton(["note", "hi"], env: Self.now)
        #expect(note.status == 0, "\(note)")
        expectWarning(note, naming: "templates/daily.md")
        let text = try #require(alice.read(Person.notePath("alice", "2026-11-24")))
        #expect(text.contains("- 10:00 hi") && text.contains("## Blockers"), "\(text)")
        #expect(!text.contains(Self.secret))

        let add = alice.baton(["task", "add", "Second task"], env: Self.now)
        #expect(add.status == 0, "\(add)")
        expectWarning(add, naming: "templates/task.md")
        let ask = alice.baton(["ask", "bob", "Can you look?", "--force"], env: Self.now)
        #expect(ask.status == 0, "\(ask)")
        expectWarning(ask, naming: "templates/ask.md")
        try alice.sync()

        try expectContained(team, alice, outside, before: before)
        team.expectHealthy()
    }

    @Test("a linked task or note file is skipped by every view, refused by task commands and never shown")
    func linkedFiles() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let outside = try Outside(team)
        let before = outside.snapshot()
        _ = try alice.addTask("Plain task")
        try alice.ok(["note", "a plain note"], env: Self.now)
        try alice.sync()
        try bob.sync()
        try push(
            bob,
            links: [
                "tasks/abcdef.md": "../../outside/abcdef.md", "tasks/link.md": "../../outside/task.md",
                "notes/bob/2026/2026-11-24.md": "../../../../outside/secret",
            ], message: "links")
        try alice.sync()
        let head = alice.git.head(alice.journal)

        for args in [["task", "list"], ["inbox"]] {
            let r = alice.baton(args, env: Self.now)
            #expect(r.status == 0, "\(r)")
            expectWarning(r, naming: "tasks/abcdef.md")
        }
        let list = alice.baton(["task", "list"], env: Self.now)
        expectWarning(list, naming: "tasks/link.md")
        let reports = [
            ["standup", "--date", "2026-11-24"],
            ["digest", "--since", "2026-11-20", "--until", "2026-11-24"],
        ]
        for args in reports {
            let r = alice.baton(args, env: Self.now)
            #expect(r.status == 0, "\(r)")
            #expect(r.stdout.contains("a plain note"), "\(r)")
            expectWarning(r, naming: "notes/bob/2026/2026-11-24.md")
        }
        let site = team.folder.sub("site")
        let built = alice.baton(["site", site], env: Self.now)
        #expect(built.status == 0, "\(built)")
        expectWarning(built, naming: "notes/bob/2026/2026-11-24.md")
        for path in FileManager.default.subpaths(atPath: site) ?? [] {
            let page = Files.read(site + "/" + path)
            #expect(page?.contains(Self.secret) != true, "the site shows the secret in \(path)")
        }

        let show = alice.baton(["task", "show", "abcdef"], env: Self.now)
        Checks.expectCleanFailure(show, exitCode: 65)
        expectWarning(show, naming: "tasks/abcdef.md")
        for args in [["task", "done", "abcdef"], ["task", "start", "abcdef"], ["reply", "abcdef", "ok"]] {
            let r = alice.baton(args, env: Self.now)
            Checks.expectCleanFailure(r, exitCode: 65)
            expectWarning(r, naming: "tasks/abcdef.md")
        }
        Checks.expectUnchanged(alice, head: head)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: alice.path("tasks/abcdef.md"))
        #expect(link == "../../outside/abcdef.md", "the link was replaced")
        try alice.sync()

        try expectContained(team, alice, outside, before: before)
        team.expectHealthy()
    }

    @Test("a linked folder (notes, a person's notes, tasks, attachments) refuses every write; templates fall back")
    func linkedFolders() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let outside = try Outside(team)
        let shot = team.folder.sub("shot.png")
        try Files.write("picture\n", to: shot)
        let id = try alice.addTask("Plain task")
        try alice.sync()
        try bob.sync()
        let plain = try #require(bob.read("tasks/\(id).md"))
        let before = outside.snapshot()

        typealias Step = (
            removed: [String], link: String, target: String, restored: [String: String], command: [String]
        )
        let steps: [Step] = [
            ([], "notes", "../outside", [:], ["note", "hi"]),
            (["notes"], "notes/alice", "../../outside", [:], ["note", "hi"]),
            (["notes", "tasks"], "tasks", "../outside", [:], ["task", "add", "New task"]),
            ([], "", "", [:], ["ask", "bob", "New ask", "--force"]),
            (["tasks"], "attachments", "../outside", ["tasks/\(id).md": plain], ["note", "see", "--attach", shot]),
            (
                ["attachments"], "attachments/alice", "../../outside", [:],
                ["task", "add", "With file", "--attach", shot]
            ),
        ]
        var linked = ""
        for step in steps {
            if !step.link.isEmpty {
                try push(
                    bob, links: [step.link: step.target], removed: step.removed, files: step.restored,
                    message: "link \(step.link)")
                linked = step.link
                try alice.sync()
            }
            let head = alice.git.head(alice.journal)
            let r = alice.baton(step.command, env: Self.now)
            Checks.expectCleanFailure(r, exitCode: 65)
            #expect(r.stderr.contains("baton: \(linked) is a symbolic link"), "\(r)")
            Checks.expectUnchanged(alice, head: head)
            #expect(outside.snapshot() == before, "\(step.command) wrote outside the journal through \(linked)")
            // The views skip the linked folder: nothing of what it points to is listed.
            for view in [["task", "list"], ["standup"], ["inbox"]] {
                let shown = alice.baton(view, env: Self.now)
                #expect(shown.status == 0, "\(shown)")
                #expect(!shown.stdout.contains(Self.secret), "\(view) shows what \(linked) points to:\n\(shown)")
                if linked == "tasks" && view != ["standup"] { expectWarning(shown, naming: "tasks") }
            }
        }

        // A linked templates folder is only read from: the built-in template is used.
        try push(bob, links: ["templates": "../outside"], removed: ["attachments"], message: "link templates")
        try alice.sync()
        let note = alice.baton(["note", "hi"], env: Self.now)
        #expect(note.status == 0, "\(note)")
        expectWarning(note, naming: "templates")
        let text = try #require(alice.read(Person.notePath("alice", "2026-11-24")))
        #expect(text.contains("- 10:00 hi") && !text.contains(Self.secret), "\(text)")
        try alice.sync()

        try expectContained(team, alice, outside, before: before)
        team.expectHealthy()
    }

    @Test("a linked baton.yml is not read: the defaults apply with a warning, and sync still works")
    func linkedConfig() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let outside = try Outside(team)
        try Files.write("team: \(Self.secret)\n", to: outside.folder + "/baton.yml")
        let before = outside.snapshot()
        _ = try alice.addTask("Plain task")
        try alice.sync()
        try bob.sync()
        try push(bob, links: ["baton.yml": "../outside/baton.yml"], removed: ["baton.yml"], message: "linked config")
        try alice.sync()
        for args in [["digest"], ["task", "list"], ["note", "hi"], ["sync"]] {
            let r = alice.baton(args, env: Self.now)
            #expect(r.status == 0, "\(r)")
            expectWarning(r, naming: "baton.yml")
        }
        try expectContained(team, alice, outside, before: before)
        team.expectHealthy()
    }

    @Test("one task file too large to read is skipped with a warning; the others still list")
    func oversizedFile() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        _ = try alice.addTask("Plain task")
        try alice.sync()
        try bob.sync()
        let big =
            "---\nid: bcdefg\ntitle: big\nstatus: todo\nowner: bob\n---\n\n"
            + String(repeating: "word ", count: 1_800_000)
        try push(bob, files: ["tasks/bcdefg.md": big], message: "a big task")
        try alice.sync()
        let list = alice.baton(["task", "list"], env: Self.now)
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("Plain task"), "\(list)")
        let skipped = list.stderrLines.filter { $0.contains("tasks/bcdefg.md") && $0.contains("larger than 8 MB") }
        #expect(skipped.count == 1, "\(list)")
        let show = alice.baton(["task", "show", "bcdefg"], env: Self.now)
        Checks.expectCleanFailure(show, exitCode: 65)
        #expect(show.stderr.contains("tasks/bcdefg.md is larger than 8 MB"), "\(show)")
        let digest = alice.baton(["digest"], env: Self.now)
        #expect(digest.status == 0, "\(digest)")
    }
}
