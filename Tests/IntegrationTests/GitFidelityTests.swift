import Foundation
import TestSupport
import Testing

/// What baton commits is what `git add` would stage: for each git setup a clone may have, the same
/// hand edit is committed by `baton sync` in alice's clone and by `git add -A && git commit` in a twin
/// clone, and the trees (modes included) must be equal; the index must stay consistent with HEAD
/// (`git write-tree`), the work tree clean, `git fsck --strict` quiet, and a teammate's clone must get
/// the same tree. Every case runs with the fast paths and with `BATON_GIT_FAST_PATHS=0`.
@Suite("Git fidelity", .serialized)
struct GitFidelityTests {
    /// A git setup and a hand edit made in it, applied the same way to baton's clone and the twin.
    enum Setup: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case plain, sparseCheckout, skipWorktree, assumeUnchanged, indexV4, untrackedCache, manyFiles, fsmonitor
        case autocrlf, eolCRLF, cleanFilter, symlinkFile, symlinkFileOutside, symlinkFolder, symlinkFolderInside
        case executableBit, executableBitIgnored, gitlink, nestedRepo
        case fileReplacedByFolder

        var testDescription: String { rawValue }
    }

    static let now = ["BATON_NOW": "2026-11-20T10:00:00+00:00"]
    static let gitDates = [
        "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
    ]

    @Test("a hand edit is committed as git add commits it", arguments: Setup.allCases, [true, false])
    func handEditCommitsAsGitAdd(setup: Setup, fastPaths: Bool) throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let env = Self.now.merging(fastPaths ? [:] : ["BATON_GIT_FAST_PATHS": "0"]) { $1 }
        let first = try Checks.requireID(try alice.ok(["task", "add", "First"], env: env))
        try alice.ok(["task", "add", "Second"], env: env)
        try alice.ok(["note", "a note"], env: env)
        try alice.ok(["sync"], env: env)
        try bob.ok(["sync"], env: env)
        let twin = team.folder.sub("twin")
        let git = team.witness.git
        try git.check(["clone", "-q", try #require(team.bareRepo), twin], in: team.folder.path)

        try Self.prepare(setup, in: alice.journal, git: alice.git, task: first)
        try Self.prepare(setup, in: twin, git: git, task: first)
        let headBefore = alice.git.head(alice.journal)
        let treeBefore = Self.tree(twin, git: git)
        if [.sparseCheckout, .skipWorktree, .assumeUnchanged].contains(setup) {
            let status = try alice.ok(["status"], env: env).stdout
            #expect(
                status.contains("0 uncommitted hand edit(s)"),
                "\(setup): entries git ignores are listed:\n\(status)")
        }
        try alice.ok(["sync"], env: env)
        let add = setup == .nestedRepo ? ["add", "-A", "--", ".", ":(exclude)scratch"] : ["add", "-A"]
        #expect(git.run(add, in: twin).status == 0)
        _ = git.run(["commit", "-q", "-m", "hand edits"], in: twin, env: Self.gitDates)

        let expected = Self.tree(twin, git: git)
        #expect(Self.tree(alice.journal, git: alice.git) == expected, "\(setup)")
        #expect(alice.git.porcelain(alice.journal) == git.porcelain(twin), "\(setup)")
        if expected == treeBefore {
            #expect(alice.git.head(alice.journal) == headBefore, "nothing to commit, yet baton committed")
        }
        Self.expectConsistent(alice.journal, git: alice.git)

        // Baton writes and syncs afterwards keep the index in step and the edit, and bob gets it.
        try alice.ok(["task", "add", "After the edit"], env: env)
        Self.expectConsistent(alice.journal, git: alice.git)
        try alice.ok(["sync"], env: env)
        try bob.ok(["task", "add", "From bob"], env: env)
        try bob.ok(["sync"], env: env)
        try alice.ok(["sync"], env: env)
        #expect(bob.git.head(bob.journal) == alice.git.head(alice.journal))
        let final = Set(Self.tree(alice.journal, git: alice.git))
        let added = Set(expected).subtracting(treeBefore)
        let removed = Set(treeBefore).subtracting(expected)
        #expect(
            added.isSubset(of: final) && removed.isDisjoint(with: final),
            "\(setup): the edit did not survive the syncs")
        Self.expectConsistent(alice.journal, git: alice.git)
        Self.expectConsistent(bob.journal, git: bob.git)
        #expect(alice.git.porcelain(alice.journal) == git.porcelain(twin), "\(setup) after syncs")
        let fsck = team.witness.git.run(["fsck", "--strict"], in: try #require(team.bareRepo))
        #expect(fsck.status == 0, "\(fsck)")
        if setup == .symlinkFileOutside {
            let leaked = git.run(["log", "--all", "-p", "-S", "private"], in: try #require(team.bareRepo)).stdout
            #expect(leaked.isEmpty, "the symlink was followed out of the journal:\n\(leaked)")
        }
        if setup == .cleanFilter {
            let leaked = git.run(["log", "--all", "-p", "-S", "SECRET"], in: try #require(team.bareRepo)).stdout
            #expect(leaked.isEmpty, "the clean filter was bypassed:\n\(leaked)")
            // A touched file that cleans to what is committed is no hand edit, as for git status.
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: alice.path("shared/secret.txt"))
            let status = try alice.ok(["status"], env: env).stdout
            #expect(status.contains("0 uncommitted hand edit(s)"), "\(status)")
            let head = alice.git.head(alice.journal)
            try alice.ok(["sync"], env: env)
            #expect(alice.git.head(alice.journal) == head, "an empty hand-edit commit")
        }
    }

    @Test(
        "a merge keeps a teammate's exec bits, symlinks, submodules and D/F changes",
        arguments: [false, true], [true, false])
    func mergeKeepsModes(structural: Bool, fastPaths: Bool) throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let env = Self.now.merging(fastPaths ? [:] : ["BATON_GIT_FAST_PATHS": "0"]) { $1 }
        let both = try Checks.requireID(try alice.ok(["task", "add", "Edited on both sides"], env: env))
        let folder = try Checks.requireID(try alice.ok(["task", "add", "Becomes a folder"], env: env))
        try alice.ok(["sync"], env: env)
        try bob.ok(["sync"], env: env)

        // bob, with plain git: an exec bit on a task alice also edits, a symlink, a submodule, a D/F change.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bob.path("tasks/\(both).md"))
        try Self.link(bob.path("tasks/link.md"), to: "../baton.yml")
        if structural {
            try FileManager.default.createDirectory(atPath: bob.path("vendor/lib"), withIntermediateDirectories: true)
            try bob.git.check(
                ["update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,vendor/lib"],
                in: bob.journal)
            try FileManager.default.removeItem(atPath: bob.path("tasks/\(folder).md"))
            try Files.write("now a folder\n", to: bob.path("tasks/\(folder).md/part.md"))
        }
        try bob.git.check(["add", "-A"], in: bob.journal)
        #expect(bob.git.run(["commit", "-q", "-m", "modes by hand"], in: bob.journal, env: Self.gitDates).status == 0)
        try bob.git.check(["push", "-q", "origin", "HEAD"], in: bob.journal)

        // alice changes the same task with baton, then syncs: a merge.
        try alice.ok(["task", "start", both], env: env)
        try alice.ok(["sync"], env: env)
        let tree = Self.tree(alice.journal, git: alice.git)
        func mode(_ path: String) -> String? { tree.first { $0.hasSuffix("\t" + path) }.map { String($0.prefix(6)) } }
        #expect(mode("tasks/\(both).md") == "100755", "\(tree)")
        #expect(mode("tasks/link.md") == "120000", "\(tree)")
        if structural {
            #expect(mode("vendor/lib") == "160000", "\(tree)")
            #expect(mode("tasks/\(folder).md/part.md") == "100644" && mode("tasks/\(folder).md") == nil, "\(tree)")
        }
        #expect(alice.git.show("HEAD", "tasks/\(both).md", in: alice.journal)?.contains("status: doing") == true)
        Self.expectConsistent(alice.journal, git: alice.git)
        try bob.ok(["sync"], env: env)
        #expect(Self.tree(bob.journal, git: bob.git) == tree)
        try bob.ok(["note", "after the merge"], env: env)
        try bob.ok(["sync"], env: env)
        Self.expectConsistent(bob.journal, git: bob.git)
    }

    @Test("a symlink changed to two targets on two clones keeps both, the other beside it")
    func symlinkChangedOnBothSides() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        try Self.link(alice.path("current.md"), to: "baton.yml")
        try alice.git.check(["add", "current.md"], in: alice.journal)
        #expect(alice.git.run(["commit", "-q", "-m", "link"], in: alice.journal, env: Self.gitDates).status == 0)
        try alice.ok(["sync"], env: Self.now)
        try bob.ok(["sync"], env: Self.now)
        for (person, target) in [(alice, "notes"), (bob, "tasks")] {
            try FileManager.default.removeItem(atPath: person.path("current.md"))
            try Self.link(person.path("current.md"), to: target)
            try person.git.check(["add", "current.md"], in: person.journal)
            #expect(
                person.git.run(["commit", "-q", "-m", "relink"], in: person.journal, env: Self.gitDates).status == 0)
        }
        try alice.ok(["sync"], env: Self.now)
        try bob.ok(["sync"], env: Self.now)
        try alice.ok(["sync"], env: Self.now)
        let tree = Self.tree(alice.journal, git: alice.git)
        let links = tree.filter { $0.hasPrefix("120000") && $0.contains("current") }
        #expect(links.count == 2, "both links kept: \(tree)")
        let targets = Set(
            links.compactMap { line -> String? in
                let blob = line.split(separator: " ")[2].prefix(40)
                return alice.git.run(["cat-file", "-p", String(blob)], in: alice.journal).stdout
            })
        #expect(targets == ["notes", "tasks"], "\(targets)")
        #expect(Self.tree(bob.journal, git: bob.git) == tree)
        Self.expectConsistent(alice.journal, git: alice.git)
    }

    @Test("a split or sparse index is refused before anything is written", arguments: [true, false], [true, false])
    func unreadableIndexIsRefused(split: Bool, fastPaths: Bool) throws {
        let team = try Team(["alice"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let env = Self.now.merging(fastPaths ? [:] : ["BATON_GIT_FAST_PATHS": "0"]) { $1 }
        try alice.ok(["note", "before"], env: env)
        try alice.ok(["task", "add", "Before"], env: env)
        let turnOn =
            split
            ? [["config", "core.splitIndex", "true"], ["update-index", "--split-index"]]
            : [["sparse-checkout", "set", "--cone", "--sparse-index", "notes"]]
        let turnOff =
            split
            ? [["config", "core.splitIndex", "false"], ["update-index", "--no-split-index"]]
            : [["sparse-checkout", "init", "--no-sparse-index"]]
        for args in turnOn { try alice.git.check(args, in: alice.journal) }
        let head = alice.git.head(alice.journal)
        for command in [["note", "during"], ["task", "add", "During"], ["sync"], ["status"]] {
            let r = alice.baton(command, env: env)
            Checks.expectCleanFailure(r, exitCode: 78)
            #expect(r.stderr.contains(split ? "git update-index --no-split-index" : "--no-sparse-index"), "\(r)")
            Checks.expectUnchanged(alice, head: head)
        }
        for args in turnOff { try alice.git.check(args, in: alice.journal) }
        try alice.ok(["note", "after"], env: env)
        try alice.ok(["sync"], env: env)
        Self.expectConsistent(alice.journal, git: alice.git)
        #expect(Self.tree(alice.journal, git: alice.git).contains { $0.contains("tasks/") }, "tasks were deleted")
        team.expectHealthy()
    }

    @Test("during a conflicted git merge, note and task add refuse and commit nothing", arguments: [true, false])
    func conflictedMergeIsRefused(fastPaths: Bool) throws {
        let team = try Team(["alice"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let env = Self.now.merging(fastPaths ? [:] : ["BATON_GIT_FAST_PATHS": "0"]) { $1 }
        let id = try Checks.requireID(try alice.ok(["task", "add", "Shared"], env: env))
        let file = "tasks/\(id).md"
        let original = try #require(alice.read(file))
        try alice.git.check(["checkout", "-q", "-b", "side"], in: alice.journal)
        try Files.write(original + "side line\n", to: alice.path(file))
        #expect(alice.git.run(["commit", "-qam", "side"], in: alice.journal, env: Self.gitDates).status == 0)
        try alice.git.check(["checkout", "-q", "main"], in: alice.journal)
        try Files.write(original + "main line\n", to: alice.path(file))
        #expect(alice.git.run(["commit", "-qam", "main"], in: alice.journal, env: Self.gitDates).status == 0)
        let merge = alice.git.run(["merge", "side"], in: alice.journal, env: Self.gitDates)
        #expect(merge.status != 0, "expected a conflict:\n\(merge)")
        let head = alice.git.head(alice.journal)
        let before = alice.git.porcelain(alice.journal)
        for command in [["note", "during the merge"], ["task", "add", "During the merge"], ["sync"]] {
            let r = alice.baton(command, env: env)
            Checks.expectCleanFailure(r, exitCode: 78)
            #expect(r.stderr.contains("merge"), "\(r)")
            #expect(alice.git.head(alice.journal) == head, "HEAD moved")
            #expect(alice.git.porcelain(alice.journal) == before, "files were written")
        }
    }

    @Test("a filter driver baton cannot run (process only) is refused before anything is written")
    func processOnlyFilterIsRefused() throws {
        let team = try Team(["alice"])
        defer { team.shutdown() }
        let alice = team["alice"]
        try alice.git.check(["config", "filter.big.process", "some-filter-process"], in: alice.journal)
        let head = alice.git.head(alice.journal)
        let r = alice.baton(["note", "with a filter"], env: Self.now)
        Checks.expectCleanFailure(r, exitCode: 78)
        #expect(r.stderr.contains("filter.big.clean"), "\(r)")
        Checks.expectUnchanged(alice, head: head)
    }

    static func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// `git ls-tree -r HEAD` (modes, ids and paths), one line per entry.
    static func tree(_ dir: String, git: Git) -> [String] {
        git.run(["ls-tree", "-r", "HEAD"], in: dir).stdout.split(separator: "\n").map(String.init)
    }

    /// Applies `setup`'s configuration and hand edit in the clone `dir` (git as the user would run it).
    static func prepare(_ setup: Setup, in dir: String, git: Git, task: String) throws {
        func run(_ args: [String]) throws { try git.check(args, in: dir) }
        func write(_ text: String, _ relative: String) throws { try Files.write(text, to: dir + "/" + relative) }
        let taskFile = "tasks/\(task).md"
        let edited = (Files.read(dir + "/" + taskFile) ?? "") + "edited by hand\n"
        switch setup {
        case .plain:
            try write(edited, taskFile)
        case .sparseCheckout:
            try run(["sparse-checkout", "set", "notes"])
        case .skipWorktree:
            try run(["update-index", "--skip-worktree", taskFile])
            try FileManager.default.removeItem(atPath: dir + "/" + taskFile)
        case .assumeUnchanged:
            try run(["update-index", "--assume-unchanged", taskFile])
            try write(edited, taskFile)
        case .indexV4:
            try run(["update-index", "--index-version", "4"])
            try write(edited, taskFile)
        case .untrackedCache:
            try run(["config", "core.untrackedCache", "true"])
            try run(["update-index", "--untracked-cache"])
            try run(["status", "--porcelain"])
            try write(edited, taskFile)
        case .manyFiles:
            try run(["config", "feature.manyFiles", "true"])
            try run(["update-index", "--index-version", "4"])
            try run(["status", "--porcelain"])
            try write(edited, taskFile)
        case .fsmonitor:
            // A hook that reports everything as possibly changed: git writes the FSMN extension.
            let hook = (dir as NSString).deletingLastPathComponent + "/fsmonitor-hook"
            try Files.write("#!/bin/sh\nprintf 'token\\0/\\0'\n", to: hook, executable: true)
            try run(["config", "core.fsmonitor", hook])
            try run(["status", "--porcelain"])
            try write(edited, taskFile)
        case .autocrlf:
            try run(["config", "core.autocrlf", "true"])
            try write("line one\r\nline two\r\n", "tasks/crlf.md")
        case .eolCRLF:
            try write("*.md text eol=crlf\n", ".gitattributes")
            try write("line one\r\nline two\n", "tasks/crlf.md")
        case .cleanFilter:
            try run(["config", "filter.scrub.clean", "sed s/SECRET/XXXX/g"])
            try run(["config", "filter.scrub.smudge", "cat"])
            try write("shared/*.txt filter=scrub\n", ".gitattributes")
            try write("the password is SECRET\n", "shared/secret.txt")
        case .symlinkFile:
            try link(dir + "/tasks/link.md", to: "../baton.yml")
        case .symlinkFileOutside:
            let outside = (dir as NSString).deletingLastPathComponent + "/outside.txt"
            if !Files.exists(outside) { try Files.write("private\n", to: outside) }
            try link(dir + "/tasks/outside.md", to: "../../outside.txt")
        case .symlinkFolderInside:
            try link(dir + "/shared", to: "notes")
        case .symlinkFolder:
            let outside = (dir as NSString).deletingLastPathComponent + "/outside-notes"
            if !Files.exists(outside) {
                try FileManager.default.moveItem(atPath: dir + "/notes/alice", toPath: outside)
            } else {
                try FileManager.default.removeItem(atPath: dir + "/notes/alice")
            }
            try link(dir + "/notes/alice", to: "../../outside-notes")
        case .executableBit:
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/" + taskFile)
        case .executableBitIgnored:
            try run(["config", "core.filemode", "false"])
            try write(edited, taskFile)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/" + taskFile)
        case .gitlink:
            // A teammate's submodule entry (not checked out here), committed with git, then a hand edit.
            try FileManager.default.createDirectory(atPath: dir + "/vendor/lib", withIntermediateDirectories: true)
            try run(["update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "1", count: 40)),vendor/lib"])
            let r = git.run(["commit", "-q", "-m", "add a submodule"], in: dir, env: gitDates)
            try #require(r.status == 0, "\(r)")
            try write(edited, taskFile)
        case .nestedRepo:
            try run(["init", "-q", "scratch"])
            try write("scratch work\n", "scratch/a.md")
            try write(edited, taskFile)
        case .fileReplacedByFolder:
            try FileManager.default.removeItem(atPath: dir + "/" + taskFile)
            try write("inside a folder now\n", taskFile + "/part.md")
        }
    }

    /// The index describes HEAD exactly (cache-tree included), and the repository is sound.
    static func expectConsistent(_ dir: String, git: Git, sourceLocation: SourceLocation = #_sourceLocation) {
        let written = git.run(["write-tree"], in: dir)
        let head = git.run(["rev-parse", "HEAD^{tree}"], in: dir)
        #expect(
            written.status == 0 && written.out == head.out,
            "git write-tree \(written.out) != HEAD^{tree} \(head.out)", sourceLocation: sourceLocation)
        let cached = git.run(["diff", "--cached", "--name-status"], in: dir)
        #expect(cached.out.isEmpty, "staged differences:\n\(cached)", sourceLocation: sourceLocation)
        let fsck = git.run(["fsck", "--strict"], in: dir)
        #expect(fsck.status == 0, "\(fsck)", sourceLocation: sourceLocation)
    }
}
