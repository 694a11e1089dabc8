import Basics
import Foundation
import TestSupport
import Testing

@testable import GitKit

/// Collects progress reports from libgit2 callbacks.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [TransferProgress] = []
    func add(_ p: TransferProgress) { lock.withLock { reports.append(p) } }
    var all: [TransferProgress] { lock.withLock { reports } }
}

@Suite struct RemoteTests {
    private let main = "refs/heads/main"
    private var mainSpec: [String] { ["\(main):\(main)"] }

    private func bareRemote(_ sb: Sandbox, at relative: String) throws -> String {
        let path = sb.path(relative)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try sb.git(["init", "--bare", "-q", "-b", "main"], in: path)
        return path
    }

    private func remoteHead(_ sb: Sandbox, _ bare: String) throws -> String? {
        let run = try sb.git(["rev-parse", "--verify", "-q", "refs/heads/main"], in: bare, allowFailure: true)
        return run.status == 0 ? run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    @Test func pushCloneFetchAndNonFastForwardOverFilePaths() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let bare = try bareRemote(sb, at: "remote.git")

        let alice = try Repository.create(at: sb.path("alice"))
        #expect(try alice.remoteURL() == nil)
        try alice.addRemote("origin", url: bare)
        #expect(try alice.remoteURL() == bare)
        #expect(try alice.remoteURL("upstream") == nil)
        #expect(gitError { try alice.addRemote("origin", url: bare) }?.kind == .exists)
        #expect(gitError { try alice.push(remote: "nope", refspecs: mainSpec) }?.kind == .notFound)
        #expect(gitError { try alice.fetch(remote: "nope") }?.kind == .notFound)

        let c1 = try commitFiles(alice, ["a.md": "one\n", "dir/b.md": "b\n"], message: "c1", second: 1)
        try alice.push(refspecs: mainSpec)
        #expect(try remoteHead(sb, bare) == c1.hex)
        #expect(try sb.git(["fsck", "--strict", "--no-dangling"], in: bare).status == 0)

        // Clone checks out the default branch and sets up origin.
        let log = ProgressLog()
        let bob = try Repository.clone(
            url: bare, to: sb.path("bob"), options: TransferOptions(progress: { log.add($0) }))
        #expect(try bob.headCommit() == c1)
        #expect(try bob.headBranchReference() == main)
        #expect(try bob.remoteURL() == bare)
        #expect(try bob.referenceTarget("refs/remotes/origin/main") == c1)
        #expect(sb.read("a.md", in: bob.workTree) == "one\n")
        #expect(sb.read("dir/b.md", in: bob.workTree) == "b\n")
        #expect(try bob.status() == [])
        #expect(try sb.git(["status", "--porcelain"], in: bob.workTree).stdout == "")
        #expect(try sb.git(["config", "branch.main.remote"], in: bob.workTree).stdout == "origin\n")

        let carol = try Repository.clone(url: bare, to: sb.path("carol"))

        // Alice moves on; Bob fetches the new commit into origin/main without touching main.
        let c2 = try commitFiles(alice, ["a.md": "two\n"], message: "c2", second: 2)
        try alice.push(refspecs: mainSpec)
        #expect(try remoteHead(sb, bare) == c2.hex)
        try bob.fetch()
        #expect(try bob.referenceTarget("refs/remotes/origin/main") == c2)
        #expect(try bob.headCommit() == c1)
        #expect(try bob.commit(c2).summary == "c2")
        let counts = try bob.aheadBehind(local: c1, upstream: c2)
        #expect(counts.ahead == 0 && counts.behind == 1)
        try bob.fetch()  // nothing new is fine
        #expect(try bob.referenceTarget("refs/remotes/origin/main") == c2)

        // Bob commits on the old tip, with Alice's commit already fetched: non-fast-forward.
        let bobCommit = try commitFiles(bob, ["bob.md": "bob\n"], message: "bob", second: 3)
        let rejected = gitError { try bob.push(refspecs: mainSpec) }
        #expect(rejected?.kind == .nonFastForward)
        #expect(rejected?.operation == "push to origin")
        #expect(try remoteHead(sb, bare) == c2.hex, "the remote did not move")

        // Carol cloned before c2 and never fetched it (lacks its objects): also non-fast-forward.
        #expect(gitError { _ = try carol.commit(c2) }?.kind == .notFound)
        let carolCommit = try commitFiles(carol, ["carol.md": "carol\n"], message: "carol", second: 4)
        #expect(try carol.headCommit() == carolCommit)
        #expect(gitError { try carol.push(refspecs: mainSpec) }?.kind == .nonFastForward)
        #expect(try remoteHead(sb, bare) == c2.hex)

        // After Bob builds a merge on top of both, the push goes through.
        let merge = try commitFiles(bob, ["a.md": "two\n"], message: "merge", second: 5, parents: [bobCommit, c2])
        try bob.push(refspecs: mainSpec)
        #expect(try remoteHead(sb, bare) == merge.hex)
        try bob.setUpstream(branch: "main")
        try alice.fetch()
        #expect(try alice.referenceTarget("refs/remotes/origin/main") == merge)
        #expect(try sb.git(["log", "--format=%s", "main"], in: bare).stdout == "merge\nbob\nc2\nc1\n")

        // Pruning: a branch deleted on the remote disappears from remote-tracking refs on fetch.
        try sb.git(["branch", "extra", c1.hex], in: bare)
        try alice.fetch()
        #expect(try alice.referenceNames(under: "refs/remotes/origin/").contains("refs/remotes/origin/extra"))
        try sb.git(["branch", "-D", "extra"], in: bare)
        try alice.fetch()
        #expect(try !alice.referenceNames(under: "refs/remotes/origin/").contains("refs/remotes/origin/extra"))
    }

    @Test func pushRejectedByAPreReceiveHookOverGitDaemon() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let served = sb.path("served")
        let bare = try bareRemote(sb, at: "served/journal.git")
        let daemon = try GitDaemon(basePath: served, sandbox: sb.children, logPath: sb.path("daemon.log"))
        defer { daemon.stop() }

        let repo = try Repository.create(at: sb.path("work"))
        try repo.addRemote("origin", url: daemon.url(for: "journal.git"))
        let c1 = try commitFiles(repo, ["a.md": "a\n"], second: 1)
        try repo.push(refspecs: mainSpec)
        #expect(try remoteHead(sb, bare) == c1.hex)

        // Clone and fetch over the smart protocol report progress.
        let log = ProgressLog()
        let clone = try Repository.clone(
            url: daemon.url(for: "journal.git"), to: sb.path("clone"),
            options: TransferOptions(progress: { log.add($0) }))
        #expect(try clone.headCommit() == c1)
        #expect(!log.all.isEmpty)
        #expect(log.all.last.map { $0.receivedObjects == $0.totalObjects && $0.totalObjects > 0 } == true)

        // Server-side non-fast-forward over the network.
        let ahead = try commitFiles(repo, ["a.md": "a2\n"], second: 2)
        try repo.push(refspecs: mainSpec)
        try clone.fetch()
        #expect(try clone.referenceTarget("refs/remotes/origin/main") == ahead)
        _ = try commitFiles(clone, ["c.md": "c\n"], second: 3)
        #expect(gitError { try clone.push(refspecs: mainSpec) }?.kind == .nonFastForward)

        // Now the server refuses every push.
        let hook = bare + "/hooks/pre-receive"
        try "#!/bin/sh\necho 'journal is frozen' >&2\nexit 1\n".write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let c3 = try commitFiles(repo, ["a.md": "a3\n"], second: 4)
        let error = gitError { try repo.push(refspecs: mainSpec) }
        #expect(error?.kind == .rejected)
        #expect(error?.operation == "push to origin")
        #expect(error?.message.contains("refs/heads/main") == true)
        #expect(error?.message.contains("pre-receive") == true)
        #expect(try remoteHead(sb, bare) == ahead.hex, "the remote did not move")
        #expect(try repo.headCommit() == c3)

        // A push of a brand-new branch is rejected the same way.
        try repo.updateReference("refs/heads/side", to: c3, expected: nil, message: "side")
        #expect(gitError { try repo.push(refspecs: ["refs/heads/side:refs/heads/side"]) }?.kind == .rejected)
    }

    @Test func fetchFromAStoppedDaemonIsUnreachableQuickly() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let served = sb.path("served")
        _ = try bareRemote(sb, at: "served/journal.git")
        // `LocalPorts.freePort` never hands out a port twice in this process, so no other test's daemon takes
        // this one over.
        let daemon = try GitDaemon(basePath: served, sandbox: sb.children, logPath: sb.path("daemon.log"))
        let url = daemon.url(for: "journal.git")
        daemon.stop()
        let deadline = Date().addingTimeInterval(5)
        while LocalPorts.accepts(port: daemon.port), Date() < deadline { usleep(20_000) }
        #expect(!LocalPorts.accepts(port: daemon.port))

        let repo = try Repository.create(at: sb.path("work"))
        try repo.addRemote("origin", url: url)
        let clock = ContinuousClock()
        let started = clock.now
        let error = gitError { try repo.fetch() }
        let elapsed = clock.now - started
        #expect(error?.kind == .unreachable)
        #expect(error?.operation == "fetch from origin")
        #expect(elapsed < .seconds(1))

        _ = try commitFiles(repo, ["a.md": "a\n"], second: 1)
        #expect(gitError { try repo.push(refspecs: mainSpec) }?.kind == .unreachable)
        #expect(gitError { _ = try Repository.clone(url: url, to: sb.path("clone")) }?.kind == .unreachable)
    }
}
