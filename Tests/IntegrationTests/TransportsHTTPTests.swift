import Foundation
import TestSupport
import Testing

/// Smart HTTP with basic auth (`git http-backend` behind a small web server): tokens from `BATON_TOKEN`,
/// from git's `credential.helper store`, and in the URL; refused tokens; no token ever shown.
@Suite("Transports: smart HTTP", .serialized)
struct TransportsHTTPTests {
    static let token = "tok-S3cr3t-9f8e7d6c5b4a"
    static let user = "alice"

    private func world() throws -> (TransportTeam, HTTPGitServer) {
        let world = try TransportTeam()
        let server = try HTTPGitServer(
            projectRoot: world.served, user: Self.user, token: Self.token,
            folder: world.folder.path, sandbox: world.team.witness)
        return (world, server)
    }

    @Test("BATON_TOKEN: init, push, clone, and sync both ways over HTTP")
    func tokenFromEnvironment() throws {
        let (world, server) = try world()
        defer { server.stop() }
        let url = server.url(for: "journal")
        let env = ["BATON_TOKEN": Self.token, "BATON_TOKEN_USER": Self.user]
        let alice = try world.person("alice")
        let bob = try world.person("bob")
        try world.initJournal(alice, url: url)

        // Without a token the server's 401 is an authentication failure.
        let noToken = alice.baton(["sync"])
        Checks.expectCleanFailure(noToken, exitCode: 77)

        let first = alice.baton(["sync"], env: env)
        try #require(first.status == 0, "\(first)")
        #expect(world.remoteSubjects.count >= 1)
        let cloned = world.clone(bob, url: url, env: env)
        try #require(cloned.status == 0, "\(cloned)")
        #expect(cloned.stdout.contains("Cloned \(url) into"))

        let id = try bob.addTask("Rotate the staging keys")
        let bobSync = bob.baton(["sync"], env: env)
        #expect(bobSync.status == 0, "\(bobSync)")
        let aliceSync = alice.baton(["sync"], env: env)
        #expect(aliceSync.status == 0, "\(aliceSync)")
        #expect(try alice.task(id).title == "Rotate the staging keys")

        try alice.ok(["note", "wired up the HTTP remote"])
        #expect(alice.baton(["sync"], env: env).status == 0)
        #expect(bob.baton(["sync"], env: env).status == 0)
        let note = bob.read(Person.notePath("alice", Day.today()))
        #expect(note?.contains("wired up the HTTP remote") == true, "bob did not get alice's note")

        // The server asked for credentials and got them; pushes went through receive-pack.
        let log = Files.read(server.logPath) ?? ""
        #expect(log.contains(" 401 user=-"), "the server never required auth:\n\(log)")
        #expect(log.contains("POST /journal.git/git-receive-pack 200"), "no authenticated push:\n\(log)")
        world.team.expectHealthy()
        world.expectNoLeak(of: Self.token, results: [noToken, first, cloned, bobSync, aliceSync], person: alice)
        world.expectNoLeak(of: Self.token, results: [], person: bob, logs: [server.logPath])
    }

    @Test("git's credential.helper store: ~/.git-credentials, --file X, and BATON_TOKEN wins")
    func credentialStore() throws {
        let (world, server) = try world()
        defer { server.stop() }
        let url = server.url(for: "journal")
        let alice = try world.person("alice")
        let bob = try world.person("bob")
        let stored = "http://\(Self.user):\(Self.token)@127.0.0.1:\(server.port)\n"

        // alice: `credential.helper store` and ~/.git-credentials (another host's line first).
        try Files.write(
            "https://someone:other-token@example.com\n" + stored, to: "\(alice.sandbox.home)/.git-credentials")
        try alice.git.check(["config", "--global", "credential.helper", "store"], in: alice.sandbox.home)
        try world.initJournal(alice, url: url)
        let push = alice.baton(["sync"])
        try #require(push.status == 0, "\(push)")

        // bob: `store --file X` with the credentials elsewhere.
        let file = world.folder.sub("secrets/bob-credentials")
        try Files.write(stored, to: file)
        try bob.git.check(["config", "--global", "credential.helper", "store --file \(file)"], in: bob.sandbox.home)
        let cloned = world.clone(bob, url: url)
        try #require(cloned.status == 0, "\(cloned)")
        let id = try bob.addTask("Use stored credentials")
        let bobSync = bob.baton(["sync"])
        #expect(bobSync.status == 0, "\(bobSync)")
        #expect(alice.baton(["sync"]).status == 0)
        #expect(try alice.task(id).title == "Use stored credentials")

        // BATON_TOKEN wins over the store: a wrong one fails even though the stored one is right.
        let overridden = alice.baton(["sync"], env: ["BATON_TOKEN": "wrong-token-1234"])
        Checks.expectCleanFailure(overridden, exitCode: 77)

        // Without any helper configured the stored file is not used.
        try alice.git.check(["config", "--global", "--unset", "credential.helper"], in: alice.sandbox.home)
        let unconfigured = alice.baton(["sync"])
        Checks.expectCleanFailure(unconfigured, exitCode: 77)
        world.expectNoLeak(of: Self.token, results: [push, cloned, bobSync, overridden, unconfigured], person: alice)
        world.expectNoLeak(of: "wrong-token-1234", results: [overridden], person: alice)
    }

    @Test("A wrong token fails with 77 and never shows up in output, sync state, status or git log")
    func wrongToken() throws {
        let (world, server) = try world()
        defer { server.stop() }
        let url = server.url(for: "journal")
        let wrong = "wrong-Tok3n-a1b2c3d4e5"
        let alice = try world.person("alice")
        try world.initJournal(alice, url: url)
        try alice.ok(["note", "written offline"])
        let head = alice.git.head(alice.journal)

        let sync = alice.baton(["sync"], env: ["BATON_TOKEN": wrong, "BATON_TOKEN_USER": Self.user])
        Checks.expectCleanFailure(sync, exitCode: 77)
        #expect(sync.stderr.contains("refused the token in BATON_TOKEN"), "\(sync)")
        #expect(!sync.stderr.contains("ssh"), "no ssh advice for an HTTP remote:\n\(sync)")
        #expect(alice.git.head(alice.journal) == head, "local work must be kept")
        let status = alice.baton(["status"])
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("Last sync failed"), "\(status)")

        let bob = try world.person("bob")
        let clone = world.clone(bob, url: url, env: ["BATON_TOKEN": wrong])
        Checks.expectCleanFailure(clone, exitCode: 77)
        #expect(!Files.exists(bob.journal), "a failed clone must leave no folder")

        // A wrong password in the URL itself: same code, the password is not shown either.
        let inURL = server.url(for: "journal", user: Self.user, password: wrong)
        let carol = try world.person("carol")
        let urlClone = world.clone(carol, url: inURL)
        Checks.expectCleanFailure(urlClone, exitCode: 77)
        world.expectNoLeak(of: wrong, results: [sync, status, clone, urlClone], person: alice, logs: [server.logPath])
    }

    @Test("Credentials in the URL work and are shown redacted by clone, status and errors")
    func credentialsInURL() throws {
        let (world, server) = try world()
        defer { server.stop() }
        let alice = try world.person("alice")
        try world.initJournal(alice, url: server.url(for: "journal"))
        try #require(
            alice.baton(["sync"], env: ["BATON_TOKEN": Self.token, "BATON_TOKEN_USER": Self.user]).status == 0)

        let withToken = server.url(for: "journal", user: Self.user, password: Self.token)
        let redacted = server.url(for: "journal", user: Self.user)
        let bob = try world.person("bob")
        let cloned = world.clone(bob, url: withToken)
        try #require(cloned.status == 0, "\(cloned)")
        #expect(cloned.stdout.contains("Cloned \(redacted) into"), "\(cloned)")
        try bob.ok(["note", "cloned with a token in the URL"])
        let sync = bob.baton(["sync"])
        #expect(sync.status == 0, "\(sync)")
        let status = bob.baton(["status"])
        #expect(status.stdout.contains("Remote:  \(redacted)"), "\(status)")

        // The server goes away: the offline error names the remote without its token.
        server.stop()
        try bob.ok(["note", "while the server is down"])
        let offline = bob.baton(["sync"])
        Checks.expectCleanFailure(offline, exitCode: 69)
        #expect(offline.stderr.contains(redacted), "\(offline)")
        let after = bob.baton(["status"])
        #expect(after.stdout.contains("Last sync failed"), "\(after)")
        world.expectNoLeak(of: Self.token, results: [cloned, sync, status, offline, after], person: bob)
    }
}
