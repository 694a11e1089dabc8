import Foundation
import Testing

@testable import GitKit

@Suite struct RepositoryBasicsTests {
    @Test func openingANonRepositoryThrowsNotFoundWithTheOperation() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let plain = sb.path("plain")
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)

        let error = gitError { _ = try Repository.open(at: plain) }
        #expect(error?.kind == .notFound)
        #expect(error?.code == -3)
        #expect(error?.operation == "open repository at \(plain)")
        #expect(error?.description.hasPrefix("open repository at \(plain): ") == true)
        #expect(error?.message.isEmpty == false)

        let missing = sb.path("does/not/exist")
        #expect(gitError { _ = try Repository.open(at: missing) }?.kind == .notFound)

        // `open` does not search upward: a subfolder of a work tree is not a repository.
        let repo = try Repository.create(at: sb.path("work"))
        try FileManager.default.createDirectory(atPath: sb.path("work/sub"), withIntermediateDirectories: true)
        #expect(gitError { _ = try Repository.open(at: sb.path("work/sub")) }?.kind == .notFound)

        // The work tree and the .git folder both open.
        #expect(try Repository.open(at: sb.path("work")).workTree == repo.workTree)
        #expect(try Repository.open(at: sb.path("work/.git")).workTree == repo.workTree)
    }

    @Test func createRefusesToReinitializeAndHonoursTheInitialBranch() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("nested/new/work"), initialBranch: "trunk")
        #expect(try repo.headBranchReference() == "refs/heads/trunk")
        #expect(try sb.git(["symbolic-ref", "HEAD"], in: repo.workTree).stdout == "refs/heads/trunk\n")
        #expect(try sb.git(["rev-parse", "--is-bare-repository"], in: repo.workTree).stdout == "false\n")
        let again = gitError { _ = try Repository.create(at: sb.path("nested/new/work")) }
        #expect(again?.kind == .exists)
        #expect(again?.operation == "create repository at \(sb.path("nested/new/work"))")

        let bare = try Repository.createBare(at: sb.path("remote.git"))
        #expect(bare.gitDirectory == sb.path("remote.git"))
        #expect(bare.workTree == bare.gitDirectory, "a bare repository reports its git folder")
        #expect(try bare.headBranchReference() == "refs/heads/main")
        #expect(try sb.git(["rev-parse", "--is-bare-repository"], in: sb.path("remote.git")).stdout == "true\n")
    }

    @Test func discoverWorkTreeFromASubfolderAndNilOutsideARepository() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let deep = sb.path("work/notes/2026/11")
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        #expect(Repository.discoverWorkTree(from: deep) == repo.workTree)
        #expect(Repository.discoverWorkTree(from: sb.path("work")) == sb.path("work"))
        #expect(Repository.discoverWorkTree(from: sb.path("work/.git")) == sb.path("work"))

        let outside = sb.path("outside/inner")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        #expect(Repository.discoverWorkTree(from: outside) == nil)
        #expect(Repository.discoverWorkTree(from: sb.path("no/such/folder")) == nil)

        _ = try Repository.createBare(at: sb.path("remote.git"))
        #expect(Repository.discoverWorkTree(from: sb.path("remote.git")) == nil, "bare repositories have no work tree")
    }

    @Test func localConfigGetAndSet() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        #expect(try repo.configString("baton.neverSetAnywhere") == nil)
        try repo.setLocalConfig("baton.handle", "ada")
        try repo.setLocalConfig("user.name", "Ada Local")
        try repo.setLocalConfig("user.email", "ada@local.invalid")
        #expect(try repo.configString("baton.handle") == "ada")
        #expect(try repo.configString("BATON.HANDLE") == "ada", "section and key names are case-insensitive")
        try repo.setLocalConfig("baton.handle", "ada2")
        #expect(try repo.configString("baton.handle") == "ada2")
        #expect(try sb.git(["config", "--local", "--get", "baton.handle"], in: repo.workTree).stdout == "ada2\n")
        #expect(repo.configuredSignature()?.name == "Ada Local")
        #expect(repo.configuredSignature()?.email == "ada@local.invalid")

        // Values written by git are read back; a fresh handle sees them too.
        try sb.git(["config", "--local", "baton.remote", "value with spaces"], in: repo.workTree)
        #expect(try repo.configString("baton.remote") == "value with spaces")
        #expect(try Repository.open(at: repo.workTree).configString("baton.remote") == "value with spaces")

        // Invalid keys are errors, not nil.
        #expect(throws: GitError.self) { try repo.setLocalConfig("nodot", "x") }
        #expect(throws: GitError.self) { _ = try repo.configString("nodot") }

        try repo.setUpstream(branch: "main")
        #expect(try sb.git(["config", "--local", "branch.main.remote"], in: repo.workTree).stdout == "origin\n")
        #expect(
            try sb.git(["config", "--local", "branch.main.merge"], in: repo.workTree).stdout == "refs/heads/main\n")
    }

    @Test func objectIDParsing() throws {
        GitLibrary.initialize()
        let hex = "0123456789abcdef0123456789ABCDEF01234567"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex.lowercased())
        #expect(id.description == hex.lowercased())
        #expect(id.short == "01234567")
        #expect(ObjectID(hex: hex.lowercased()) == id)
        #expect(ObjectID(hex: String(hex.dropLast())) == nil)
        #expect(ObjectID(hex: hex + "0") == nil)
        #expect(ObjectID(hex: String(hex.dropLast()) + "g") == nil)
        #expect(ObjectID(hex: "") == nil)
        #expect(ObjectID(hex: " " + String(hex.dropFirst())) == nil)
        // Only ASCII hex digits: Swift's `isHexDigit` also accepts fullwidth forms, which libgit2 cannot parse.
        #expect(ObjectID(hex: String(repeating: "\u{FF10}", count: 40)) == nil)
        #expect(ObjectID(hex: String(repeating: "\u{FF41}", count: 40)) == nil)
        #expect(ObjectID(hex: String(hex.dropLast()) + "\u{FF41}") == nil)
        #expect(ObjectID(hex: String(repeating: "0", count: 40))! < id)
        // Through libgit2's binary form and back.
        #expect(ObjectID(id.raw) == id)
    }

    @Test func signatureRoundTripsThroughACommit() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let author = Signature(
            name: "Zoë Ünïcode", email: "zoe@example.invalid", time: Date(timeIntervalSince1970: 1_234_567_890.75),
            offsetMinutes: -330)
        let committer = Signature(
            name: "C", email: "c@example.invalid", time: Date(timeIntervalSince1970: 1_234_567_999), offsetMinutes: 0)
        let commit = try repo.createCommit(
            tree: try repo.emptyTree(), parents: [], author: author, committer: committer, message: "unicode ✓\n")
        let read = try repo.commit(commit)
        #expect(read.author.name == author.name)
        #expect(read.author.email == author.email)
        #expect(read.author.time == Date(timeIntervalSince1970: 1_234_567_890), "whole seconds")
        #expect(read.author.offsetMinutes == -330)
        #expect(read.committer == committer)
        #expect(read.message == "unicode ✓\n")
        #expect(read.summary == "unicode ✓")
        let shown = try sb.git(["log", "-1", "--format=%an|%ai|%cn|%ci", commit.hex], in: repo.workTree).stdout
        #expect(shown == "Zoë Ünïcode|2009-02-13 18:01:30 -0530|C|2009-02-13 23:33:19 +0000\n")
        // The default offset is the local time zone's.
        let now = Signature(name: "n", email: "e")
        #expect(now.offsetMinutes == TimeZone.current.secondsFromGMT(for: now.time) / 60)
        // A message without newline has itself as summary; an empty one has an empty summary.
        let bare = Commit(id: commit, parents: [], tree: read.tree, author: author, committer: author, message: "")
        #expect(bare.summary == "")
    }

    @Test func errorKindsAndDescriptions() {
        GitLibrary.initialize()
        func kind(_ code: Int32, _ cls: Int32 = 0, _ message: String = "m") -> GitError.Kind {
            GitError(operation: "op", code: code, errorClass: cls, message: message).kind
        }
        #expect(kind(-3) == .notFound)
        #expect(kind(-4) == .exists)
        #expect(kind(-5) == .ambiguous)
        #expect(kind(-9) == .unbornBranch)
        #expect(kind(-11) == .nonFastForward)
        #expect(kind(-13) == .conflict)
        #expect(kind(-24) == .conflict)
        #expect(kind(-14) == .locked)
        #expect(kind(-15) == .rejected)
        #expect(kind(-16) == .authentication)
        #expect(kind(-17) == .certificate)
        #expect(kind(-1) == .other)
        let net: Int32 = 12
        let os: Int32 = 2
        let ssh: Int32 = 23
        let http: Int32 = 34
        #expect(kind(-1, net, "failed to connect to 127.0.0.1") == .unreachable)
        #expect(kind(-1, os, "failed to resolve address") == .unreachable)
        #expect(kind(-1, ssh, "connection closed") == .unreachable)
        #expect(kind(-1, http, "unexpected http status") == .unreachable)
        #expect(kind(-1, http, "Authentication required") == .authentication)
        #expect(kind(-1, ssh, "no valid credentials") == .authentication)
        #expect(kind(-1, 4, "failed to connect") == .other)
        let error = GitError(operation: "fetch from origin", code: -1, errorClass: 12, message: "boom")
        #expect(error.description == "fetch from origin: boom")
        #expect("\(error)" == "fetch from origin: boom")
    }

    @Test func libraryVersionAndInitializationAreReferenceCounted() {
        GitLibrary.initialize()
        GitLibrary.initialize()
        GitLibrary.shutdown()
        #expect(GitLibrary.version.hasPrefix("1."))
        #expect(GitLibrary.version.split(separator: ".").count == 3)
    }
}
