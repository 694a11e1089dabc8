import Foundation
import TestSupport
import Testing

/// ssh through the system's OpenSSH client, as git runs it: `~/.ssh/config` aliases, passphrases through
/// SSH_ASKPASS and the agent, RSA keys, OpenSSH's own host key checks, core.sshCommand / GIT_SSH_COMMAND, and
/// a server that never answers. Every case runs the git CLI in the same setup as a witness (same outcome).
/// OpenSSH reads `~/.ssh` from the passwd entry, so baton and git run under a private copy of /etc/passwd
/// (`PrivateSSHHome`); nothing touches the real ~/.ssh.
@Suite(
    "Transports: system ssh", .serialized,
    .enabled(
        if: (SSHServer.available && PrivateSSHHome.available && ProcessRunner.which("ssh") != nil)
            || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs sshd, ssh, unshare and root (never skipped under CI)"))
struct TransportsSystemSSHTests {
    /// A served journal, an sshd, and people whose private `~/.ssh` holds a key the server accepts.
    private struct World {
        let transport: TransportTeam
        let server: SSHServer
        let people: [Person]
        let homes: [PrivateSSHHome]
        var bare: String { transport.bareRepo }

        /// `git ARGS` in `dir` as person `index`, in the same private setup as their baton.
        func git(_ index: Int, _ args: [String], in dir: String? = nil, env: [String: String] = [:]) throws
            -> CommandResult
        {
            try homes[index].git(args, as: people[index], in: dir ?? transport.folder.path, env: env)
        }
    }

    /// Keys are made by `key(home, sandbox)`, which returns the public key line the server should accept
    /// (nil: accept nothing from this person).
    private func world(
        _ handles: [String], knownHosts: Bool = true,
        key: (String, Sandbox) throws -> String? = { home, sandbox in
            try SSHClientKeys.generate(at: "\(home)/.ssh/id_ed25519", sandbox: sandbox)
        }
    ) throws -> World {
        let transport = try TransportTeam()
        var people: [Person] = []
        var homes: [PrivateSSHHome] = []
        var keys: [String] = []
        for handle in handles {
            let plain = try transport.person(handle)
            let home = try PrivateSSHHome(home: plain.sandbox.home, folder: transport.folder.sub("ns-\(handle)"))
            if let line = try key(plain.sandbox.home, plain.sandbox) { keys.append(line) }
            homes.append(home)
            people.append(try home.person(plain))
        }
        let server = try SSHServer(
            folder: transport.folder.sub("sshd"), authorizedKeys: keys, sandbox: transport.team.witness)
        if knownHosts {
            for person in people {
                try Files.write(server.knownHostsLine + "\n", to: "\(person.sandbox.home)/.ssh/known_hosts")
            }
        }
        return World(transport: transport, server: server, people: people, homes: homes)
    }

    private var user: String { SSHServer.userName }

    /// Exit code `code`, baton's own message on the last line of stderr, no stack trace.
    private func expectFailure(_ r: CommandResult, _ code: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == code, "expected exit code \(code):\n\(r)", sourceLocation: sourceLocation)
        #expect(
            r.stderrLines.last?.contains("baton") == true || r.stderrLines.last?.isEmpty == false, "\(r)",
            sourceLocation: sourceLocation)
        #expect(
            !r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "\(r)",
            sourceLocation: sourceLocation)
    }

    @Test("A Host alias in ~/.ssh/config (HostName, Port, User, IdentityFile): clone and sync both ways, as git does")
    func hostAlias() throws {
        let w = try world(["alice", "bob"]) { home, sandbox in
            try SSHClientKeys.generate(at: "\(home)/.ssh/journal_key", sandbox: sandbox)
        }
        defer { w.server.stop() }
        let (alice, bob) = (w.people[0], w.people[1])
        for person in w.people {
            try Files.write(
                "Host journal\n  HostName 127.0.0.1\n  Port \(w.server.port)\n  User \(user)\n"
                    + "  IdentityFile ~/.ssh/journal_key\n  IdentitiesOnly yes\n",
                to: "\(person.sandbox.home)/.ssh/config")
        }
        let url = "journal:\(w.bare)"
        try w.transport.initJournal(alice, url: url)
        try alice.ok(["note", "over the alias"])
        let push = alice.baton(["sync"])
        try #require(push.status == 0, "\(push)")
        #expect(push.stderr.isEmpty, "\(push)")
        let cloned = w.transport.clone(bob, url: url)
        try #require(cloned.status == 0, "\(cloned)")
        let id = try bob.addTask("Reach the alias")
        #expect(bob.baton(["sync"]).status == 0)
        #expect(alice.baton(["sync"]).status == 0)
        #expect(try alice.task(id).title == "Reach the alias")
        w.transport.team.expectHealthy()

        let witness = try w.git(0, ["clone", "-q", url, w.transport.folder.sub("witness")])
        #expect(witness.status == 0, "\(witness)")
        #expect(Files.exists(w.transport.folder.sub("witness/.git")))
        #expect((Files.read(w.server.logPath) ?? "").contains("Accepted publickey for \(user)"))
    }

    @Test("A passphrase key answered through SSH_ASKPASS, as git does")
    func passphraseThroughAskpass() throws {
        let w = try world(["alice", "bob"]) { home, sandbox in
            try SSHClientKeys.generate(at: "\(home)/.ssh/id_ed25519", passphrase: "open sesame", sandbox: sandbox)
        }
        defer { w.server.stop() }
        let (alice, bob) = (w.people[0], w.people[1])
        let log = w.transport.folder.sub("askpass.log")
        let askpass = w.transport.folder.sub("askpass.sh")
        try SSHClientKeys.askpass(at: askpass, answer: "open sesame", log: log)
        let env = SSHClientKeys.askpassEnvironment(askpass)
        let url = w.server.url(path: w.bare)
        try w.transport.initJournal(alice, url: url)
        let push = alice.baton(["sync"], env: env)
        #expect(push.status == 0, "\(push)")
        #expect((Files.read(log) ?? "").contains("passphrase"), "ssh did not ask SSH_ASKPASS")
        #expect(w.transport.clone(bob, url: url, env: env).status == 0)
        #expect(try w.git(1, ["clone", "-q", url, w.transport.folder.sub("witness")], env: env).status == 0)
        // A user who takes longer than the transfer time-out to answer is not a stalled server. (The limit
        // leaves a loaded machine's sshd time to answer once the passphrase is in; the answer takes longer.)
        let slow = w.transport.folder.sub("slow-askpass.sh")
        try Files.write(
            "#!/bin/sh\nsleep 7\nexec \(PrivateSSHHome.quoted(askpass)) \"$@\"\n", to: slow, executable: true)
        var slowEnv = SSHClientKeys.askpassEnvironment(slow)
        slowEnv["BATON_TRANSFER_TIMEOUT"] = "3"
        let patient = alice.baton(["sync"], env: slowEnv)
        #expect(patient.status == 0, "\(patient)")
        // Without an answer neither gets in.
        let refused = bob.baton(["sync"])
        expectFailure(refused, 77)
        #expect(try w.git(1, ["fetch", "-q"], in: w.transport.folder.sub("witness")).status != 0)
    }

    @Test("A passphrase key held by ssh-agent, as git does")
    func passphraseThroughAgent() throws {
        let w = try world(["alice"]) { home, sandbox in
            try SSHClientKeys.generate(at: "\(home)/.ssh/id_ed25519", passphrase: "agent pass", sandbox: sandbox)
        }
        defer { w.server.stop() }
        let alice = w.people[0]
        let agent = try SSHAgent(folder: w.transport.folder.sub("agent"), sandbox: alice.sandbox)
        defer { agent.stop() }
        let askpass = w.transport.folder.sub("askpass.sh")
        try SSHClientKeys.askpass(at: askpass, answer: "agent pass", log: w.transport.folder.sub("askpass.log"))
        try agent.add("\(alice.sandbox.home)/.ssh/id_ed25519", askpass: askpass, sandbox: alice.sandbox)

        let env = ["SSH_AUTH_SOCK": agent.socket]
        let url = w.server.url(path: w.bare)
        try w.transport.initJournal(alice, url: url)
        let push = alice.baton(["sync"], env: env)
        #expect(push.status == 0, "\(push)")
        #expect(w.transport.remoteSubjects.count >= 1)
        #expect(try w.git(0, ["clone", "-q", url, w.transport.folder.sub("witness")], env: env).status == 0)
    }

    @Test("An RSA key works (OpenSSH signs with rsa-sha2, which the server requires)")
    func rsaKey() throws {
        let w = try world(["alice"]) { home, sandbox in
            try SSHClientKeys.generate(at: "\(home)/.ssh/id_rsa", type: "rsa", sandbox: sandbox)
        }
        defer { w.server.stop() }
        let url = w.server.url(path: w.bare)
        try w.transport.initJournal(w.people[0], url: url)
        let push = w.people[0].baton(["sync"])
        #expect(push.status == 0, "\(push)")
        #expect(try w.git(0, ["clone", "-q", url, w.transport.folder.sub("witness")]).status == 0)
    }

    @Test("host:path without a user logs in as the local user")
    func noUserMeansLocalUser() throws {
        let w = try world(["alice"])
        defer { w.server.stop() }
        let alice = w.people[0]
        try Files.write(
            "Host local\n  HostName 127.0.0.1\n  Port \(w.server.port)\n", to: "\(alice.sandbox.home)/.ssh/config")
        let url = "local:\(w.bare)"
        try w.transport.initJournal(alice, url: url)
        let push = alice.baton(["sync"])
        #expect(push.status == 0, "\(push)")
        #expect((Files.read(w.server.logPath) ?? "").contains("Accepted publickey for \(user)"))
        #expect(try w.git(0, ["clone", "-q", url, w.transport.folder.sub("witness")]).status == 0)
    }

    @Test("A changed host key: exit 77 with the fix, nothing pushed, as git refuses")
    func changedHostKey() throws {
        let w = try world(["alice"], knownHosts: false)
        defer { w.server.stop() }
        let alice = w.people[0]
        let impostor = try SSHClientKeys.generate(at: w.transport.folder.sub("impostor_key"), sandbox: alice.sandbox)
        try Files.write(
            "# recorded long ago\n[127.0.0.1]:\(w.server.port) \(impostor)\n",
            to: "\(alice.sandbox.home)/.ssh/known_hosts")
        let url = w.server.url(path: w.bare)
        try w.transport.initJournal(alice, url: url)
        try alice.ok(["note", "kept while the key is in doubt"])
        let head = alice.git.head(alice.journal)
        let sync = alice.baton(["sync"])
        expectFailure(sync, 77)
        #expect(sync.stderr.contains("CHANGED"), "\(sync)")
        #expect(sync.stderr.contains("ssh-keygen -R '[127.0.0.1]:\(w.server.port)'"), "\(sync)")
        #expect(sync.stderr.contains("known_hosts line 2"), "\(sync)")
        #expect(alice.git.head(alice.journal) == head)
        #expect(w.transport.remoteSubjects.isEmpty)
        #expect(!(Files.read(w.server.logPath) ?? "").contains("Accepted publickey"))
        #expect(try w.git(0, ["push", "-q", "origin", "main"], in: alice.journal).status != 0)
    }

    @Test("An unknown host key with no terminal: exit 77 with ssh-keyscan advice, as git refuses")
    func unknownHostKey() throws {
        let w = try world(["bob"], knownHosts: false)
        defer { w.server.stop() }
        let bob = w.people[0]
        let url = w.server.url(path: w.bare)
        let clone = w.transport.clone(bob, url: url)
        expectFailure(clone, 77)
        #expect(clone.stderr.contains("unknown"), "\(clone)")
        #expect(clone.stderr.contains("ssh-keyscan -p \(w.server.port) 127.0.0.1"), "\(clone)")
        #expect(!Files.exists(bob.journal))
        #expect(try w.git(0, ["clone", "-q", url, w.transport.folder.sub("witness")]).status != 0)

        // Behind a ~/.ssh/config alias the advice names the real host and port (ssh-keyscan reads no config).
        try Files.write(
            "Host journal\n  HostName 127.0.0.1\n  Port \(w.server.port)\n  User \(user)\n",
            to: "\(bob.sandbox.home)/.ssh/config")
        let aliased = w.transport.clone(bob, url: "journal:\(w.bare)")
        expectFailure(aliased, 77)
        #expect(
            aliased.stderr.contains("ssh-keyscan -p \(w.server.port) 127.0.0.1 >> ~/.ssh/known_hosts"), "\(aliased)")
        #expect(!Files.exists(bob.journal))
        #expect(!(Files.read(w.server.logPath) ?? "").contains("Accepted publickey"))
    }

    @Test("A host key question on a terminal waits for the user past the transfer time-out, as git does")
    func terminalQuestionIsNotAStall() throws {
        let w = try world(["bob"], knownHosts: false)
        defer { w.server.stop() }
        let bob = w.people[0]
        let script = try #require(ProcessRunner.which("script"), "needs util-linux's script for a terminal")
        let baton = try w.homes[0].wrapper(named: "baton-tty", for: w.transport.team.executable, newSession: false)
        let url = w.server.url(path: w.bare)
        let output = w.transport.folder.sub("tty.out")
        // `script` gives baton a terminal of its own; nobody answers ssh's question on it.
        let child = try ChildProcess.spawn(
            executable: script,
            arguments: ["-qfec", "\(PrivateSSHHome.quoted(baton)) clone \(url) bob --me bob", "/dev/null"],
            directory: w.transport.folder.path, environment: bob.sandbox.variables(["BATON_TRANSFER_TIMEOUT": "2"]),
            stdinPath: nil, stdoutPath: output, stderrPath: output)
        var asked = false
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, !asked, child.poll() == nil {
            asked = (Files.read(output) ?? "").contains("continue connecting")
            usleep(100_000)
        }
        #expect(asked, "ssh did not ask on the terminal:\n\(Files.read(output) ?? "")")
        sleep(5)  // well past the 2 s time-out
        #expect(child.poll() == nil, "baton gave up while ssh waited for an answer:\n\(Files.read(output) ?? "")")
        #expect(!(Files.read(output) ?? "").contains("no data from"), "\(Files.read(output) ?? "")")
        _ = child.stop(grace: 3)
        let gone = Date().addingTimeInterval(10)
        while Date() < gone, !SSHProcesses.running(port: w.server.port).isEmpty { usleep(100_000) }
        #expect(SSHProcesses.running(port: w.server.port).isEmpty, "an ssh process was left behind")
        #expect(!Files.exists(bob.journal) || Files.workTreeFiles(bob.journal).isEmpty)
    }

    @Test("A host or user that ssh would read as an option is refused before anything runs, as git refuses it")
    func optionInjection() throws {
        let w = try world(["bob"])
        defer { w.server.stop() }
        let bob = w.people[0]
        let marker = w.transport.folder.sub("injected")
        for url in [
            "ssh://-oProxyCommand=touch${IFS}\(marker)/x.git", "-oProxyCommand=touch${IFS}\(marker):x.git",
            "ssh://-oProxyCommand=touch${IFS}\(marker)@127.0.0.1:\(w.server.port)/x.git",
        ] {
            let clone = w.transport.clone(bob, url: url)
            #expect(clone.status != 0, "\(clone)")
            // A leading '-' already stops at baton's own argument parser (exit 64).
            #expect(clone.stderr.contains("refused the ssh") || clone.stderr.contains("Unknown option"), "\(clone)")
            #expect(!Files.exists(bob.journal))
            #expect(try w.git(0, ["clone", "-q", url, w.transport.folder.sub("witness")]).status != 0)
        }
        #expect(!Files.exists(marker), "an ssh option in the address ran a command")
    }

    @Test("A key the server does not accept: exit 77, not offline, as git fails")
    func wrongKey() throws {
        let w = try world(["alice"]) { home, sandbox in
            try SSHClientKeys.generate(at: "\(home)/.ssh/id_ed25519", sandbox: sandbox)
            return nil
        }
        defer { w.server.stop() }
        let alice = w.people[0]
        let url = w.server.url(path: w.bare)
        try w.transport.initJournal(alice, url: url)
        let sync = alice.baton(["sync"])
        expectFailure(sync, 77)
        #expect(!sync.stderr.contains("cannot reach") && !sync.stderr.contains("offline"), "\(sync)")
        #expect(sync.stderr.contains("Permission denied"), "\(sync)")
        #expect(try w.git(0, ["push", "-q", "origin", "main"], in: alice.journal).status != 0)
    }

    @Test("A path the server has no repository at: a clear failure, nothing cloned, as git fails")
    func missingRepository() throws {
        let w = try world(["bob"])
        defer { w.server.stop() }
        let bob = w.people[0]
        let url = w.server.url(path: w.transport.folder.sub("served/nothing-here.git"))
        let clone = w.transport.clone(bob, url: url)
        #expect(clone.status != 0 && clone.status != 69 && clone.status != 77, "\(clone)")
        #expect(clone.stderr.contains("does not appear to be a git repository"), "\(clone)")
        #expect(!Files.exists(bob.journal))
        #expect(try w.git(0, ["clone", "-q", url, w.transport.folder.sub("witness")]).status != 0)
    }

    @Test("Connection refused: exit 69 and local commits kept, as git fails")
    func connectionRefused() throws {
        let w = try world(["alice"])
        let port = w.server.port
        w.server.stop()
        let alice = w.people[0]
        let url = "ssh://\(user)@127.0.0.1:\(port)\(w.bare)"
        try w.transport.initJournal(alice, url: url)
        try alice.ok(["note", "written offline"])
        let head = alice.git.head(alice.journal)
        let sync = alice.baton(["sync"])
        expectFailure(sync, 69)
        #expect(sync.stderr.contains("Connection refused"), "\(sync)")
        #expect(alice.git.head(alice.journal) == head)
        #expect(try w.git(0, ["push", "-q", "origin", "main"], in: alice.journal).status != 0)
    }

    @Test("core.sshCommand, GIT_SSH_COMMAND and GIT_SSH run exactly git's command line")
    func sshCommandSettings() throws {
        let w = try world(["alice"])
        defer { w.server.stop() }
        let alice = w.people[0]
        let log = w.transport.folder.sub("ssh-argv.log")
        let wrapper = w.transport.folder.sub("logging-ssh")
        try Files.write(
            "#!/bin/sh\necho \"config $*\" >> \(PrivateSSHHome.quoted(log))\nexec ssh \"$@\"\n",
            to: wrapper, executable: true)
        // The ssh program runs in baton's own process group and session (so it can prompt on the terminal),
        // with no signal blocked or ignored.
        let ids = w.transport.folder.sub("ssh-ids.log")
        try Files.write(
            """
            #!/bin/sh
            read -r _ _ _ p pgrp sid _ < /proc/$$/stat
            own="$pgrp $sid"
            while [ "$p" -gt 1 ] && [ "$(cat /proc/$p/comm)" != baton ]; do read -r _ _ _ p _ < /proc/$p/stat; done
            read -r _ _ _ _ pgrp sid _ < /proc/$p/stat
            masks=$(grep -E '^Sig(Blk|Ign)' /proc/$$/status | tr -s '\t\n' '  ')
            echo "ssh $own baton $pgrp $sid $masks" >> \(PrivateSSHHome.quoted(ids))
            exec \(PrivateSSHHome.quoted(wrapper)) "$@"

            """, to: w.transport.folder.sub("ids-ssh"), executable: true)
        let envWrapper = w.transport.folder.sub("env-ssh")
        try Files.write(
            "#!/bin/sh\necho \"env $*\" >> \(PrivateSSHHome.quoted(log))\nexec ssh \"$@\"\n",
            to: envWrapper, executable: true)
        let url = "ssh://\(user)@127.0.0.1:\(w.server.port)\(w.bare)"
        let git = alice.git.run(["config", "--global", "core.sshCommand", wrapper], in: alice.sandbox.home)
        try #require(git.status == 0, "\(git)")

        try w.transport.initJournal(alice, url: url)
        let push = alice.baton(["sync"])
        #expect(push.status == 0, "\(push)")
        let fetchLine = "config -p \(w.server.port) \(user)@127.0.0.1 git-upload-pack '\(w.bare)'"
        let pushLine = "config -p \(w.server.port) \(user)@127.0.0.1 git-receive-pack '\(w.bare)'"
        let batonLines = (Files.read(log) ?? "").split(separator: "\n").map(String.init)
        #expect(batonLines.contains(pushLine), "\(batonLines)")
        #expect(batonLines.contains(fetchLine), "\(batonLines)")

        // git (protocol v0, as baton speaks it) runs the same line; it may probe the wrapper with -G first.
        try Files.write("", to: log)
        let witness = try w.git(0, ["-c", "protocol.version=0", "clone", "-q", url, w.transport.folder.sub("witness")])
        #expect(witness.status == 0, "\(witness)")
        let gitLines = (Files.read(log) ?? "").split(separator: "\n").map(String.init).filter { !$0.contains(" -G ") }
        #expect(gitLines == [fetchLine], "git ran \(gitLines), baton \(batonLines)")

        // GIT_SSH_COMMAND wins over core.sshCommand.
        try Files.write("", to: log)
        let sync = alice.baton(["sync"], env: ["GIT_SSH_COMMAND": envWrapper])
        #expect(sync.status == 0, "\(sync)")
        let envLines = (Files.read(log) ?? "").split(separator: "\n").map(String.init)
        #expect(!envLines.isEmpty && envLines.allSatisfy { $0.hasPrefix("env ") }, "\(envLines)")
        #expect(
            envLines.contains("env -p \(w.server.port) \(user)@127.0.0.1 git-upload-pack '\(w.bare)'"), "\(envLines)")

        // GIT_SSH names a program (no shell) and loses to core.sshCommand, as in git.
        try Files.write("", to: log)
        let unset = alice.git.run(["config", "--global", "--unset", "core.sshCommand"], in: alice.sandbox.home)
        try #require(unset.status == 0, "\(unset)")
        let plain = alice.baton(["sync"], env: ["GIT_SSH": envWrapper])
        #expect(plain.status == 0, "\(plain)")
        let plainLines = (Files.read(log) ?? "").split(separator: "\n").map(String.init)
        #expect(
            plainLines.contains("env -p \(w.server.port) \(user)@127.0.0.1 git-upload-pack '\(w.bare)'"),
            "\(plainLines)")

        let idsSync = alice.baton(["sync"], env: ["GIT_SSH_COMMAND": w.transport.folder.sub("ids-ssh")])
        #expect(idsSync.status == 0, "\(idsSync)")
        let idLines = (Files.read(ids) ?? "").split(separator: "\n").map(String.init)
        #expect(!idLines.isEmpty)
        for line in idLines {
            let f = line.split(separator: " ").map(String.init)
            #expect(
                f.count >= 6 && f[1] == f[4] && f[2] == f[5],
                "ssh's process group / session differ from baton's: \(line)")
            // Signals 32 and 33 are glibc's own (no program can set them); the test runner may leave them ignored.
            let masks = f.drop(while: { $0 != "SigBlk:" }).dropFirst()
            let blocked = UInt64(masks.first ?? "", radix: 16)
            let ignored = UInt64(masks.dropFirst(2).first ?? "", radix: 16)
            #expect(blocked == 0 && ignored.map { $0 & 0x7fff_ffff } == 0, "\(line)")
        }
        #expect(SSHProcesses.running(port: w.server.port).isEmpty, "an ssh process was left behind")
    }

    @Test("A server that accepts and never answers: exit 69 within seconds, the note kept")
    func stalledServer() throws {
        let w = try world(["alice"])
        defer { w.server.stop() }
        let stall = try StallServer()
        defer { stall.stop() }
        let alice = w.people[0]
        try Files.write(
            "[127.0.0.1]:\(stall.port) \(w.server.hostPublicKey)\n", to: "\(alice.sandbox.home)/.ssh/known_hosts")
        try w.transport.initJournal(alice, url: "ssh://\(user)@127.0.0.1:\(stall.port)\(w.bare)")
        try alice.ok(["note", "kept through the stall"])
        let head = alice.git.head(alice.journal)
        let started = Date()
        let sync = alice.baton(["sync"], env: ["BATON_TRANSFER_TIMEOUT": "2"], timeout: 30)
        let elapsed = Date().timeIntervalSince(started)
        expectFailure(sync, 69)
        #expect(elapsed < 10, "took \(elapsed) s")
        #expect(sync.stderr.contains("no data from 127.0.0.1 for 2 s"), "\(sync)")
        #expect(alice.git.head(alice.journal) == head)
        #expect(stall.connections >= 1)
        #expect(SSHProcesses.running(port: stall.port).isEmpty, "an ssh process was left behind")
    }
}

/// ssh processes still running, found in /proc by the port on their command line.
enum SSHProcesses {
    static func running(port: UInt16) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.compactMap { pid -> String? in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let argv = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let program = argv.first, (program as NSString).lastPathComponent == "ssh",
                argv.contains(String(port)) || argv.contains(where: { $0.hasSuffix(":\(port)") })
            else { return nil }
            return "\(pid): \(argv.joined(separator: " "))"
        }
    }
}
