import Foundation
import TestSupport
import Testing

/// Pushes that race other pushes are integrated again and retried (bounded, exit 75 when others
/// never stop); a remote whose history was rewritten is refused (exit 74) with local work kept on a
/// rescue branch, until `sync --accept-rewrite` merges it into the new history.
@Suite("RaceAndRewrite")
struct RaceAndRewriteTests {
    /// A pre-receive hook that, while `<bare>/<trigger>` exists, lets "someone else" push first: it
    /// moves `main` on by one commit, so the push being received loses the race.
    static func racingHook(trigger: String, once: Bool) -> String {
        """
        #!/bin/sh
        cat >/dev/null
        [ -f "\(trigger)" ] || exit 0
        \(once ? "rm -f \"\(trigger)\"" : ":")
        # Write outside the push's quarantine, as a concurrent push would.
        unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
        tip=$(git rev-parse refs/heads/main) || exit 0
        n=$(git rev-list --count "$tip")
        c=$(GIT_AUTHOR_NAME=Racer GIT_AUTHOR_EMAIL=racer@example.com GIT_COMMITTER_NAME=Racer GIT_COMMITTER_EMAIL=racer@example.com \\
            git commit-tree "$tip^{tree}" -p "$tip" -m "racer: pushed first ($n)") || exit 0
        git update-ref refs/heads/main "$c" "$tip"
        exit 0

        """
    }

    @Test("a push that loses a race is fetched, integrated and retried")
    func pushRaceRetried() throws {
        let trigger = NSTemporaryDirectory() + "baton-race-\(UUID().uuidString)"
        let team = try Team(["alice", "bob"], preReceiveHook: Self.racingHook(trigger: trigger, once: true))
        defer {
            team.shutdown()
            unlink(trigger)
        }
        let alice = team["alice"]
        let bob = team["bob"]
        try alice.ok(["note", "raced note"])
        try Files.write("", to: trigger)
        let r = try alice.ok(["sync"])
        #expect(r.stdout.contains("pushed") && r.stdout.contains("retried"), "\(r)")
        #expect(!Files.exists(trigger), "the racing hook did not run")
        let bare = try #require(team.bareRepo)
        #expect(SyncSafety.remoteHead(team) == alice.git.head(alice.journal))
        let subjects = team.witness.git.subjects(bare, ["main"])
        #expect(subjects.contains { $0.hasPrefix("racer: pushed first") }, "\(subjects)")
        #expect(subjects.contains { $0.hasPrefix("note: alice") }, "\(subjects)")
        try bob.sync()
        #expect((bob.read(Person.notePath("alice", Day.today())) ?? "").contains("raced note"))
        team.expectHealthy()
    }

    @Test("others pushing on every try: exit 75 after five tries, work kept, the next sync delivers it")
    func pushRaceGivesUp() throws {
        let trigger = NSTemporaryDirectory() + "baton-race-\(UUID().uuidString)"
        let team = try Team(["alice"], preReceiveHook: Self.racingHook(trigger: trigger, once: false))
        defer {
            team.shutdown()
            unlink(trigger)
        }
        let alice = team["alice"]
        try alice.ok(["note", "kept through the storm"])
        let head = alice.git.head(alice.journal)
        try Files.write("", to: trigger)
        let r = alice.baton(["sync"])
        Checks.expectCleanFailure(r, exitCode: 75)
        #expect(
            r.stderr.contains("others kept pushing") && r.stderr.contains("5 tries") && r.stderr.contains("baton sync"),
            "\(r)")
        let bare = try #require(team.bareRepo)
        let racers = team.witness.git.subjects(bare, ["main"]).filter { $0.hasPrefix("racer:") }
        #expect(racers.count == 5, "one losing push per try: \(racers)")
        // Local work is kept (merged with what arrived), not pushed.
        #expect(alice.git.run(["merge-base", "--is-ancestor", head, "HEAD"], in: alice.journal).status == 0)
        #expect((alice.read(Person.notePath("alice", Day.today())) ?? "").contains("kept through the storm"))
        let status = try alice.ok(["status"]).stdout
        #expect(status.contains("Last sync failed") && status.contains("others kept pushing"), "\(status)")
        unlink(trigger)
        try alice.sync()
        #expect(SyncSafety.remoteHead(team) == alice.git.head(alice.journal))
        team.expectHealthy()
    }

    @Test("syncs started at once in four clones all land")
    func parallelPushes() throws {
        let team = try Team(["alice", "bob", "carol", "dave"])
        defer { team.shutdown() }
        let io = try team.folder.makeFolder("io")
        let people = team.people
        for round in 0..<3 {
            for person in people {
                try person.ok(["note", "round \(round) from \(person.handle)"])
                _ = try person.addTask("task r\(round) of \(person.handle)")
            }
            let running = try people.map { try $0.spawn(["sync"], ioFolder: io) }
            for process in running {
                let r = process.finish()
                // 0, or 75 when it lost five races in a row: bounded, and the work is kept for next time.
                #expect(r.status == 0 || r.status == 75, "\(r)")
                if r.status == 75 { Checks.expectCleanFailure(r, exitCode: 75) }
            }
        }
        let failed = SyncSafety.converge(team, people: people)
        #expect(failed.isEmpty, "\(failed)")
        let reference = SyncSafety.snapshot(people[0].journal)
        for person in people {
            #expect(SyncSafety.differences(reference, SyncSafety.snapshot(person.journal)).isEmpty)
            for round in 0..<3 {
                for author in people {
                    #expect(
                        (person.read(Person.notePath(author.handle, Day.today())) ?? "").contains(
                            "round \(round) from \(author.handle)"))
                }
            }
            #expect(SyncSafety.taskIDs(person).count == 12)
        }
        team.expectHealthy()
    }

    @Test("a force-pushed remote: exit 74, local work kept on a rescue branch; --accept-rewrite merges it")
    func rewrittenRemote() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let bare = try #require(team.bareRepo)
        let witness = team.witness.git
        try alice.ok(["note", "before the rewrite"])
        try alice.sync()
        try bob.sync()

        // Someone force-pushes a history that lacks everything after the first commit.
        let root = try witness.check(["rev-list", "--max-parents=0", "main"], in: bare)
        let rewritten = try witness.check(
            ["commit-tree", "\(root)^{tree}", "-p", root, "-m", "rewritten history"], in: bare)
        try witness.check(["update-ref", "refs/heads/main", rewritten], in: bare)

        // Alice, who had synced before the rewrite, is stopped too.
        try alice.ok(["note", "alice after the rewrite"])
        Checks.expectCleanFailure(alice.baton(["sync"]), exitCode: 74)

        try bob.ok(["note", "bob's local work"])
        let bobHead = bob.git.head(bob.journal)
        let r = bob.baton(["sync"])
        Checks.expectCleanFailure(r, exitCode: 74)
        #expect(
            r.stderr.contains("rewritten") && r.stderr.contains("--accept-rewrite")
                && r.stderr.contains("baton-rescue/"), "\(r)")
        #expect(bob.git.head(bob.journal) == bobHead, "local branch moved")
        #expect(SyncSafety.remoteHead(team) == rewritten, "something was pushed")
        let rescues = bob.git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/baton-rescue/"]).out
            .split(separator: "\n")
        #expect(rescues.count == 1 && rescues.first?.hasSuffix(" \(bobHead)") == true, "\(rescues)")
        let note = bob.read(Person.notePath("bob", Day.today())) ?? ""
        #expect(note.contains("bob's local work"))
        let status = try bob.ok(["status"]).stdout
        #expect(status.contains("Last sync failed") && status.contains("rewritten"), "\(status)")

        // It keeps refusing until told otherwise.
        Checks.expectCleanFailure(bob.baton(["sync"]), exitCode: 74)
        #expect(SyncSafety.remoteHead(team) == rewritten)

        try bob.ok(["sync", "--accept-rewrite"])
        #expect(witness.run(["merge-base", "--is-ancestor", rewritten, "main"], in: bare).status == 0)
        #expect(SyncSafety.remoteHead(team) == bob.git.head(bob.journal))
        #expect(bob.git.run(["merge-base", "--is-ancestor", bobHead, "HEAD"], in: bob.journal).status == 0)

        // Bob's merge brought the old history back, so nothing of alice's is dropped any more: she syncs as usual.
        try alice.sync()
        let failed = SyncSafety.converge(team, people: [alice, bob])
        #expect(failed.isEmpty, "\(failed)")
        for person in [alice, bob] {
            let notes = SyncSafety.noteFiles(person).compactMap(person.read).joined()
            for text in ["before the rewrite", "bob's local work", "alice after the rewrite"] {
                #expect(notes.contains(text), "\(text) missing in \(person.journal)")
            }
        }
        #expect(SyncSafety.differences(SyncSafety.snapshot(alice.journal), SyncSafety.snapshot(bob.journal)).isEmpty)
        team.expectHealthy()
    }
}
