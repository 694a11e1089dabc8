import Foundation
import TestSupport
import Testing

/// ssh through libgit2's own libssh2 transport (the fallback where no ssh program exists: baton runs with a
/// `PATH` without one) and a throwaway sshd on 127.0.0.1: key login from `~/.ssh/id_ed25519`, host keys
/// checked against `~/.ssh/known_hosts` (plain and hashed entries), unknown and changed host keys refused.
@Suite(
    "Transports: ssh", .serialized,
    .enabled(
        if: SSHServer.available || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs /usr/sbin/sshd, ssh-keygen and root (never skipped under CI)"))
struct TransportsSSHTests {
    /// A served journal, an sshd, and people whose HOME holds a client key the server accepts.
    private struct World {
        let transport: TransportTeam
        let server: SSHServer
        let url: String
        let people: [Person]
    }

    private func world(_ handles: [String], knownHosts: (SSHServer) -> String?) throws -> World {
        let transport = try TransportTeam()
        var people: [Person] = []
        var keys: [String] = []
        for handle in handles {
            let person = try PrivateSSHHome.libssh2Only(
                try transport.person(handle), folder: transport.folder.sub("bin"))
            keys.append(try SSHKeys.clientKey(home: person.sandbox.home, sandbox: person.sandbox))
            people.append(person)
        }
        let server = try SSHServer(
            folder: transport.folder.sub("sshd"), authorizedKeys: keys, sandbox: transport.team.witness)
        for person in people {
            if let line = knownHosts(server) {
                try Files.write(line + "\n", to: "\(person.sandbox.home)/.ssh/known_hosts")
            }
        }
        return World(transport: transport, server: server, url: server.url(path: transport.bareRepo), people: people)
    }

    @Test("Clone and sync both ways over ssh with a known_hosts entry (plain and hashed)")
    func cloneAndSync() throws {
        let w = try world(["alice", "bob"]) { $0.knownHostsLine }
        defer { w.server.stop() }
        let (alice, bob) = (w.people[0], w.people[1])
        // bob's entry is hashed (`|1|salt|hash`), with an unrelated host listed before it.
        let bobHosts = "\(bob.sandbox.home)/.ssh/known_hosts"
        try Files.write(
            "example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"
                + (Files.read(bobHosts) ?? ""), to: bobHosts)
        let hashed = ProcessRunner.run(
            executable: ProcessRunner.which("ssh-keygen") ?? "/usr/bin/ssh-keygen",
            arguments: ["-H", "-f", bobHosts], directory: bob.sandbox.home,
            environment: bob.sandbox.variables(), timeout: 30)
        try #require(hashed.status == 0, "\(hashed)")
        try #require(
            Files.read(bobHosts)?.contains("|1|") == true && Files.read(bobHosts)?.contains("127.0.0.1") == false)

        try w.transport.initJournal(alice, url: w.url)
        let push = alice.baton(["sync"])
        try #require(push.status == 0, "\(push)")
        let cloned = w.transport.clone(bob, url: w.url)
        try #require(cloned.status == 0, "\(cloned)")
        #expect(cloned.stderr.isEmpty, "\(cloned)")

        let id = try bob.addTask("Check the ssh remote")
        #expect(bob.baton(["sync"]).status == 0)
        #expect(alice.baton(["sync"]).status == 0)
        #expect(try alice.task(id).title == "Check the ssh remote")
        try alice.ok(["task", "start", id])
        #expect(alice.baton(["sync"]).status == 0)
        #expect(bob.baton(["sync"]).status == 0)
        #expect(try bob.task(id).status == "doing")
        w.transport.team.expectHealthy()
        let log = Files.read(w.server.logPath) ?? ""
        #expect(log.contains("Accepted publickey for"), "sshd did not log a key login:\n\(log)")
    }

    @Test("An unknown host key is refused with exit 77 and says how to trust it")
    func unknownHostKey() throws {
        let w = try world(["alice", "bob"]) { _ in nil }
        defer { w.server.stop() }
        let (alice, bob) = (w.people[0], w.people[1])
        // Another host's key only: this host is unknown.
        try Files.write("[127.0.0.1]:1 \(w.server.hostPublicKey)\n", to: "\(bob.sandbox.home)/.ssh/known_hosts")

        let clone = w.transport.clone(bob, url: w.url)
        Checks.expectCleanFailure(clone, exitCode: 77)
        #expect(clone.stderr.contains("unknown"), "\(clone)")
        #expect(clone.stderr.contains("ssh-keyscan -p \(w.server.port) 127.0.0.1 >> ~/.ssh/known_hosts"), "\(clone)")
        #expect(clone.stderr.contains("SHA256:"), "the message should show the server's fingerprint:\n\(clone)")
        #expect(!Files.exists(bob.journal))

        // No known_hosts at all, on sync: refused, local work kept.
        try w.transport.initJournal(alice, url: w.url)
        let head = alice.git.head(alice.journal)
        let sync = alice.baton(["sync"])
        Checks.expectCleanFailure(sync, exitCode: 77)
        #expect(sync.stderr.contains("ssh-keyscan -p \(w.server.port) 127.0.0.1"), "\(sync)")
        #expect(alice.git.head(alice.journal) == head)
        #expect(
            !(Files.read(w.server.logPath) ?? "").contains("Accepted publickey"),
            "baton logged in despite the unknown key")

        // Following the advice (here: the entry ssh-keyscan would add) makes it work.
        try Files.write(w.server.knownHostsLine + "\n", to: "\(alice.sandbox.home)/.ssh/known_hosts")
        let trusted = alice.baton(["sync"])
        #expect(trusted.status == 0, "\(trusted)")
    }

    @Test("A changed host key is refused with exit 77 and the 'changed' advice")
    func changedHostKey() throws {
        let transportFolder = try TemporaryFolder(prefix: "baton-otherkey")
        defer { transportFolder.remove() }
        let other = transportFolder.sub("other_key")
        let scratch = try Sandbox.make(home: transportFolder.sub("home"))
        try SSHKeys.generate(at: other, comment: "impostor", sandbox: scratch)
        let otherKey = try SSHKeys.publicKey(of: other)

        let w = try world(["alice", "bob"]) { "# recorded long ago\n[127.0.0.1]:\($0.port) \(otherKey)" }
        defer { w.server.stop() }
        let (alice, bob) = (w.people[0], w.people[1])

        let clone = w.transport.clone(bob, url: w.url)
        Checks.expectCleanFailure(clone, exitCode: 77)
        #expect(clone.stderr.contains("CHANGED"), "\(clone)")
        #expect(clone.stderr.contains("known_hosts line 2"), "\(clone)")
        #expect(clone.stderr.contains("ssh-keygen -R '[127.0.0.1]:\(w.server.port)'"), "\(clone)")
        #expect(!Files.exists(bob.journal))

        try w.transport.initJournal(alice, url: w.url)
        try alice.ok(["note", "kept while the key is in doubt"])
        let head = alice.git.head(alice.journal)
        let sync = alice.baton(["sync"])
        Checks.expectCleanFailure(sync, exitCode: 77)
        #expect(sync.stderr.contains("CHANGED"), "\(sync)")
        #expect(alice.git.head(alice.journal) == head)
        let status = alice.baton(["status"])
        #expect(status.stdout.contains("CHANGED"), "the last error is kept for `baton status`:\n\(status)")
        #expect(
            !(Files.read(w.server.logPath) ?? "").contains("Accepted publickey"),
            "baton logged in despite the changed key")
    }

    @Test("A client key the server does not accept fails with 77")
    func refusedClientKey() throws {
        let w = try world(["alice"]) { $0.knownHostsLine }
        defer { w.server.stop() }
        let alice = w.people[0]
        _ = try SSHKeys.clientKey(home: alice.sandbox.home, sandbox: alice.sandbox)  // a new key, not authorized
        try w.transport.initJournal(alice, url: w.url)
        let sync = alice.baton(["sync"])
        Checks.expectCleanFailure(sync, exitCode: 77)
        #expect(sync.stderr.contains("could not log in") && sync.stderr.contains("no ssh key was accepted"), "\(sync)")
    }

    @Test("A passphrase key without its .pub is an authentication failure (77) naming the key, not offline")
    func passphraseKeyWithoutPublicKey() throws {
        let w = try world(["alice"]) { $0.knownHostsLine }
        defer { w.server.stop() }
        let alice = w.people[0]
        let key = "\(alice.sandbox.home)/.ssh/id_ed25519"
        let line = try SSHClientKeys.generate(at: key, passphrase: "secret words", sandbox: alice.sandbox)
        try Files.write(line + "\n", to: "\(w.server.folder)/authorized_keys")
        try FileManager.default.removeItem(atPath: key + ".pub")
        try w.transport.initJournal(alice, url: w.url)
        let sync = alice.baton(["sync"])
        Checks.expectCleanFailure(sync, exitCode: 77)
        #expect(sync.stderr.contains("~/.ssh/id_ed25519 is protected by a passphrase"), "\(sync)")
        #expect(sync.stderr.contains("id_ed25519.pub") && sync.stderr.contains("ssh-add"), "\(sync)")
        #expect(!sync.stderr.contains("cannot reach"), "\(sync)")
    }

    @Test("known_hosts listing only another key type for the host is a host key failure (77), not offline")
    func otherKeyTypeKnown() throws {
        let scratch = try TemporaryFolder(prefix: "baton-rsa")
        defer { scratch.remove() }
        let sandbox = try Sandbox.make(home: scratch.sub("home"))
        let rsa = try SSHClientKeys.generate(at: scratch.sub("rsa_host"), type: "rsa", sandbox: sandbox)
        let w = try world(["alice"]) { "[127.0.0.1]:\($0.port) \(rsa)" }
        defer { w.server.stop() }
        let alice = w.people[0]
        try w.transport.initJournal(alice, url: w.url)
        let sync = alice.baton(["sync"])
        Checks.expectCleanFailure(sync, exitCode: 77)
        #expect(sync.stderr.contains("lists only a ssh-rsa key"), "\(sync)")
        #expect(sync.stderr.contains("ssh-keyscan -p \(w.server.port) 127.0.0.1"), "\(sync)")
        #expect(!sync.stderr.contains("cannot reach"), "\(sync)")
    }

    @Test("An address without a user logs in as the local user, not 'git'")
    func defaultUserIsLocalUser() throws {
        let w = try world(["alice"]) { $0.knownHostsLine }
        defer { w.server.stop() }
        let alice = w.people[0]
        try w.transport.initJournal(alice, url: "ssh://127.0.0.1:\(w.server.port)\(w.transport.bareRepo)")
        let sync = alice.baton(["sync"])
        #expect(sync.status == 0, "\(sync)")
        #expect((Files.read(w.server.logPath) ?? "").contains("Accepted publickey for \(SSHServer.userName)"))
    }
}
