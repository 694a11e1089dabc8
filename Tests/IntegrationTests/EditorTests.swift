import Foundation
import TestSupport
import Testing

/// `baton note` without text opens $VISUAL or $EDITOR on today's note.
@Suite("Editor")
struct EditorTests {
    /// A shell script that appends `line` to the file given as its last argument.
    static func editorScript(_ folder: TemporaryFolder, name: String, line: String) throws -> String {
        let path = folder.sub("bin/\(name).sh")
        try Files.write(
            """
            #!/bin/sh
            for last; do :; done
            printf '%s\\n' '\(line)' >> "$last"
            """ + "\n", to: path, executable: true)
        return path
    }

    @Test("EDITOR with an argument (`sh script`) edits today's note, which is then committed")
    func editorAppends() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let script = try Self.editorScript(team.folder, name: "editor", line: "- 10:00 written in the editor")
        let day = Day.today()
        let head = alice.git.head(alice.journal)
        // A command with an argument, like EDITOR='vim -f': it must go through the shell.
        let r = alice.baton(["note"], env: ["EDITOR": "/bin/sh \(script)"])
        #expect(r.status == 0, "\(r)")
        let rel = Person.notePath("alice", day)
        let note = try #require(alice.read(rel), "no note at \(rel)")
        #expect(note.contains("- 10:00 written in the editor"))
        #expect(note.contains("author: alice"))
        #expect(alice.git.head(alice.journal) != head, "the edited note must be committed")
        #expect(alice.git.show("HEAD", rel, in: alice.journal)?.contains("written in the editor") == true)
        Checks.expectHealthy(alice)
    }

    @Test("VISUAL wins over EDITOR")
    func visualFirst() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let visual = try Self.editorScript(team.folder, name: "visual", line: "- 10:01 from visual")
        let editor = try Self.editorScript(team.folder, name: "editor", line: "- 10:02 from editor")
        let r = alice.baton(["note"], env: ["VISUAL": visual, "EDITOR": editor])
        #expect(r.status == 0, "\(r)")
        let note = try #require(alice.read(Person.notePath("alice", Day.today())))
        #expect(note.contains("from visual"))
        #expect(!note.contains("from editor"))
        Checks.expectHealthy(alice)
    }

    @Test("an editor that changes nothing commits nothing; one that fails exits non-zero and writes nothing")
    func editorNoChangeOrFailure() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        try alice.ok(["note", "existing bullet"])
        let head = alice.git.head(alice.journal)
        let unchanged = alice.baton(["note"], env: ["EDITOR": "true"])
        #expect(unchanged.status == 0, "\(unchanged)")
        Checks.expectUnchanged(alice, head: head)

        let failing = alice.baton(["note"], env: ["EDITOR": "false"])
        #expect(failing.status != 0, "\(failing)")
        #expect(failing.stderrLines.count == 1, "\(failing)")
        Checks.expectUnchanged(alice, head: head)
    }

    @Test("task edit opens the task file in the editor and commits the change")
    func taskEdit() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let id = try alice.addTask("Edit me")
        let script = team.folder.sub("bin/edit-task.sh")
        try Files.write(
            """
            #!/bin/sh
            for last; do :; done
            sed -i.bak 's/^title: Edit me$/title: Edited in the editor/' "$last" && rm -f "$last.bak"
            """ + "\n", to: script, executable: true)
        let r = alice.baton(["task", "edit", id], env: ["EDITOR": script])
        #expect(r.status == 0, "\(r)")
        let task = try alice.task(id)
        #expect(task.title == "Edited in the editor")
        #expect(alice.git.subjects(alice.journal, ["-1"]).first?.hasPrefix("task \(id): ") == true)
        Checks.expectHealthy(alice)
    }
}
