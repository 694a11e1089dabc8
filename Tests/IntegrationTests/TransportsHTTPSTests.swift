import Foundation
import TestSupport
import Testing

/// HTTPS as git configures it, against nginx + `git http-backend` over TLS with a throwaway CA: every way
/// git trusts a CA (and turns checks off), credential helpers of each kind with their get/store/erase
/// calls, redirects, and the failures, each next to the git CLI in the same setup.
@Suite("Transports: HTTPS trust and credentials", .serialized)
struct TransportsHTTPSTests {
    @Test(
        "The CA is trusted through http.sslCAInfo, http.<url>.sslCAInfo, GIT_SSL_CAINFO and http.sslCAPath, as for git")
    func trustedCA() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let helper = ("credential.helper", HTTPSWorld.answeringHelper())
        let ways: [(String, [(String, String)], [String: String])] = [
            ("global", [helper, ("http.sslCAInfo", w.authority.caCertificate)], [:]),
            (
                "per-url",
                [
                    helper, ("http.https://\(w.hostAndPort).sslCAInfo", w.authority.caCertificate),
                    ("http.https://other.example.sslCAInfo", w.authority.untrustedCACertificate),
                ], [:]
            ),
            (
                "env", [helper, ("http.sslCAInfo", w.authority.untrustedCACertificate)],
                ["GIT_SSL_CAINFO": w.authority.caCertificate]
            ),
            ("capath", [helper, ("http.sslCAPath", w.authority.caPath)], [:]),
        ]
        var people: [String: Person] = [:]
        for (name, settings, env) in ways {
            let person = try w.person(name, settings)
            people[name] = person
            let git = w.gitLsRemote(person, env: env)
            #expect(git.status == 0, "git itself fails with \(name):\n\(git)")
            let cloned = w.clone(person, env: env)
            #expect(cloned.status == 0, "\(name):\n\(cloned)")
            #expect(cloned.stderr.isEmpty, "\(name):\n\(cloned)")
        }
        // A push over the same trust: a note reaches the server.
        let global = try #require(people["global"])
        try global.ok(["note", "pushed over https"])
        let sync = global.baton(["sync"])
        #expect(sync.status == 0, "\(sync)")
        #expect(w.transport.remoteSubjects.contains { $0.contains("note") }, "\(w.transport.remoteSubjects)")
        w.transport.expectNoLeak(of: HTTPSWorld.token, results: [sync], person: global, logs: [w.server.accessLogPath])
    }

    @Test(
        "http.sslVerify=false and GIT_SSL_NO_VERIFY connect with a warning line; an untrusted CA is refused with 77 as git refuses it"
    )
    func verificationOffAndUntrusted() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let helper = ("credential.helper", HTTPSWorld.answeringHelper())
        for (name, settings, env) in [
            ("off", [helper, ("http.sslVerify", "false")], [String: String]()),
            ("noverify", [helper], ["GIT_SSL_NO_VERIFY": "1"]),
        ] {
            let person = try w.person(name, settings)
            #expect(w.gitLsRemote(person, env: env).status == 0)
            let cloned = w.clone(person, env: env)
            #expect(cloned.status == 0, "\(cloned)")
            #expect(
                cloned.stderr.contains("is not checked") && cloned.stderr.split(separator: "\n").count == 1, "\(cloned)"
            )
            // A sync (fetch and push) warns once too.
            try person.ok(["note", "pushed without checks"], env: env)
            let sync = person.baton(["sync"], env: env)
            #expect(sync.status == 0 && sync.stderr.components(separatedBy: "is not checked").count == 2, "\(sync)")
        }
        for (name, settings) in [
            ("system", [helper]), ("wrong", [helper, ("http.sslCAInfo", w.authority.untrustedCACertificate)]),
        ] {
            let person = try w.person(name, settings)
            let git = w.gitLsRemote(person)
            #expect(git.status != 0, "git trusted it with \(name):\n\(git)")
            let cloned = w.clone(person)
            Checks.expectCleanFailure(cloned, exitCode: 77)
            #expect(cloned.stderr.contains("TLS certificate") && cloned.stderr.contains("http.sslCAInfo"), "\(cloned)")
            #expect(!cloned.stderr.contains("committed locally") && !cloned.stderr.contains("ssh"), "\(cloned)")
            #expect(!Files.exists(w.folder.sub(name)), "a failed clone left a folder")
        }
        let missing = try w.person("missing", [helper, ("http.sslCAInfo", w.folder.sub("no-such-ca.pem"))])
        let cloned = w.clone(missing)
        #expect(cloned.status != 0 && cloned.stderr.contains("no-such-ca.pem"), "\(cloned)")
    }

    @Test(
        "Helpers run as gitcredentials(7) says: get, then store after success; erase after a refusal — the same calls git makes"
    )
    func helperProtocol() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let log = w.folder.sub("helper.log")
        let gitLog = w.folder.sub("git-helper.log")
        let passwordFile = w.folder.sub("password")
        try Files.write(HTTPSWorld.token, to: passwordFile)
        let script = try w.loggingHelper(named: "logging-helper", log: log, passwordFile: passwordFile)
        let gitScript = try w.loggingHelper(named: "git-logging-helper", log: gitLog, passwordFile: passwordFile)
        let trust = ("http.sslCAInfo", w.authority.caCertificate)
        let never = w.folder.sub("never.log")
        let otherHelper = try w.loggingHelper(named: "other-helper", log: never, passwordFile: passwordFile)

        let alice = try w.person(
            "alice",
            [
                trust, ("credential.https://\(w.hostAndPort).helper", script),
                ("credential.https://other.example.helper", otherHelper),
            ])
        let cloned = w.clone(alice)
        try #require(cloned.status == 0, "\(cloned)")
        #expect(HTTPSWorld.actions(in: log) == ["get", "store"], "\(Files.read(log) ?? "")")
        let lines = (Files.read(log) ?? "").split(separator: "\n").map(String.init)
        #expect(lines.first == "get protocol=https host=\(w.hostAndPort)", "\(lines)")
        #expect(lines.last == "store protocol=https host=\(w.hostAndPort) username=alice password=\(HTTPSWorld.token)")
        #expect(!Files.exists(never), "a helper for another URL ran")

        // One sync (fetch, then push) asks once and stores once.
        try alice.ok(["note", "first push over https"])
        try Files.write("", to: log)
        let sync = alice.baton(["sync"])
        #expect(sync.status == 0, "\(sync)")
        #expect(HTTPSWorld.actions(in: log) == ["get", "store"], "\(Files.read(log) ?? "")")

        // git in the same setup makes the same calls.
        let witness = try w.person("witness", [trust, ("credential.helper", gitScript)])
        #expect(w.gitLsRemote(witness).status == 0)
        #expect(HTTPSWorld.actions(in: gitLog) == ["get", "store"], "\(Files.read(gitLog) ?? "")")

        // A refused password: erase, exit 77, the local note kept.
        try Files.write("wrong-password", to: passwordFile)
        try Files.write("", to: log)
        try Files.write("", to: gitLog)
        try alice.ok(["note", "written while the token was wrong"])
        let head = alice.git.head(alice.journal)
        let refused = alice.baton(["sync"])
        Checks.expectCleanFailure(refused, exitCode: 77)
        #expect(refused.stderr.contains("credential helper") && refused.stderr.contains("erase"), "\(refused)")
        #expect(!refused.stderr.contains("ssh"), "\(refused)")
        #expect(HTTPSWorld.actions(in: log) == ["get", "erase"], "\(Files.read(log) ?? "")")
        #expect(alice.git.head(alice.journal) == head)
        #expect(w.gitLsRemote(witness).status != 0)
        #expect(HTTPSWorld.actions(in: gitLog) == ["get", "erase"], "\(Files.read(gitLog) ?? "")")
        w.transport.expectNoLeak(
            of: HTTPSWorld.token, results: [cloned, sync, refused], person: alice,
            logs: [w.server.accessLogPath])
    }

    @Test(
        "Helper kinds: !shell, a name run as git credential-NAME, git's own cache, useHttpPath, an empty value clearing the list"
    )
    func helperKinds() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let trust = ("http.sslCAInfo", w.authority.caCertificate)
        // A helper installed as `git-credential-NAME` on PATH, configured by NAME.
        let bin = try w.folder.makeFolder("helper-bin")
        let named = w.folder.sub("named.log")
        let passwordFile = w.folder.sub("password")
        try Files.write(HTTPSWorld.token, to: passwordFile)
        let script = try w.loggingHelper(named: "named-helper", log: named, passwordFile: passwordFile)
        try Files.write("#!/bin/sh\nexec '\(script)' \"$@\"\n", to: "\(bin)/git-credential-batontest", executable: true)
        let path = "\(bin):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"
        let bob = try w.person(
            "bob",
            [
                trust, ("credential.helper", "/no/such/helper"), ("credential.helper", ""),
                ("credential.helper", "batontest"), ("credential.useHttpPath", "true"),
            ])
        let cloned = w.clone(bob, env: ["PATH": path])
        #expect(cloned.status == 0, "\(cloned)")
        let lines = (Files.read(named) ?? "").split(separator: "\n").map(String.init)
        #expect(lines.first == "get protocol=https host=\(w.hostAndPort) path=journal.git", "\(lines)")
        #expect(HTTPSWorld.actions(in: named) == ["get", "store"])
        #expect(w.gitLsRemote(bob, env: ["PATH": path]).status == 0)

        // git's own cache: the first clone fills it from the shell helper, the second needs only the cache.
        let socket = w.folder.sub("cache/socket")
        let cache = ("credential.helper", "cache --timeout=300 --socket \(socket)")
        defer {
            _ = w.transport.team.witness.git.run(["credential-cache", "--socket", socket, "exit"], in: w.folder.path)
        }
        let carol = try w.person("carol", [trust, cache, ("credential.helper", HTTPSWorld.answeringHelper())])
        #expect(w.clone(carol).status == 0)
        let dave = try w.person("dave", [trust, cache])
        let fromCache = w.clone(dave)
        #expect(fromCache.status == 0, "the cache did not answer:\n\(fromCache)")
    }

    @Test(
        "No helper and no terminal: exit 77 at once, naming the settings to use; with a terminal, a no-echo prompt; GIT_ASKPASS"
    )
    func promptAndNoTerminal() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let trust = ("http.sslCAInfo", w.authority.caCertificate)
        let erin = try w.person("erin", [trust])
        let started = Date()
        let cloned = w.clone(erin)
        Checks.expectCleanFailure(cloned, exitCode: 77)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(cloned.stderr.contains("credential.helper") && cloned.stderr.contains("BATON_TOKEN"), "\(cloned)")
        #expect(!cloned.stderr.contains("ssh") && !cloned.stderr.contains("committed locally"), "\(cloned)")
        #expect(w.gitLsRemote(erin).status != 0)

        // GIT_ASKPASS answers both prompts.
        let askpass = w.folder.sub("bin/askpass")
        try Files.write(
            "#!/bin/sh\ncase \"$1\" in Username*) echo \(HTTPSWorld.user);; *) echo \(HTTPSWorld.token);; esac\n",
            to: askpass, executable: true)
        let frank = try w.person("frank", [trust])
        let viaAskpass = w.clone(frank, env: ["GIT_ASKPASS": askpass])
        #expect(viaAskpass.status == 0, "\(viaAskpass)")

        // A terminal: both prompts appear, the password is not echoed, the clone works.
        let gina = try w.person("gina", [trust])
        let driver = w.folder.sub("bin/pty-driver.py")
        try Files.write(Self.ptyDriver, to: driver)
        let python = ProcessRunner.which("python3") ?? "/usr/bin/python3"
        let typed = ProcessRunner.run(
            executable: python,
            arguments: [
                driver, HTTPSWorld.user, HTTPSWorld.token, gina.executable, "clone", w.url, "gina", "--me", "gina",
            ],
            directory: w.folder.path, environment: gina.sandbox.variables(["GIT_TERMINAL_PROMPT": "1"]), timeout: 60)
        #expect(typed.status == 0, "\(typed)")
        #expect(typed.stdout.contains("Username for 'https://\(w.hostAndPort)': "), "\(typed)")
        #expect(typed.stdout.contains("Password for 'https://alice@\(w.hostAndPort)': "), "\(typed)")
        #expect(!typed.stdout.contains(HTTPSWorld.token), "the password was echoed:\n\(typed)")
        #expect(Files.isDirectory(w.folder.sub("gina/.git")))
    }

    @Test("Proxies as git reads them: http.proxy, http.<url>.proxy, HTTPS_PROXY, ALL_PROXY, and NO_PROXY to go direct")
    func proxies() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let proxy = try ForwardProxy(folder: w.folder.path, sandbox: w.transport.team.witness)
        defer { proxy.stop() }
        let base = [("http.sslCAInfo", w.authority.caCertificate), ("credential.helper", HTTPSWorld.answeringHelper())]
        let target = w.hostAndPort
        let cases: [(String, [(String, String)], [String: String], Bool)] = [
            ("config", base + [("http.proxy", proxy.url)], [:], true),
            (
                "per-url", base + [("http.https://\(target).proxy", proxy.url), ("http.proxy", "http://127.0.0.1:9")],
                [:], true
            ),
            ("https-env", base, ["HTTPS_PROXY": proxy.url], true),
            ("all-env", base, ["ALL_PROXY": proxy.url], true),
            ("no-proxy", base, ["HTTPS_PROXY": proxy.url, "NO_PROXY": "example.org,localhost"], false),
            ("emptied", base + [("http.proxy", "")], ["HTTPS_PROXY": "http://127.0.0.1:9"], false),
        ]
        for (name, settings, env, proxied) in cases {
            let person = try w.person(name, settings)
            let beforeGit = proxy.connectTargets.count
            let git = w.gitLsRemote(person, env: env)
            #expect(git.status == 0, "\(name): git failed:\n\(git)")
            #expect(
                (proxy.connectTargets.count > beforeGit) == proxied, "\(name): git and the proxy: \(proxy.requests)")
            let before = proxy.connectTargets.count
            let cloned = w.clone(person, env: env)
            #expect(cloned.status == 0, "\(name):\n\(cloned)")
            let used = proxy.connectTargets.dropFirst(before)
            #expect(used.isEmpty != proxied, "\(name): baton and the proxy: \(proxy.requests)")
            if proxied { #expect(used.allSatisfy { $0 == target }, "\(name): \(Array(used))") }
        }
    }

    @Test("http:// redirected to https:// looks the credential up for the https URL (a store entry), as git does")
    func redirectedLookup() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let log = w.folder.sub("redirect-helper.log")
        let logging = try w.loggingHelper(named: "redirect-helper", log: log, passwordFile: w.folder.sub("none"))
        let person = try w.person(
            "hank",
            [
                ("http.sslCAInfo", w.authority.caCertificate), ("credential.helper", logging),
                ("credential.helper", "store"),
            ])
        try Files.write(
            "https://\(HTTPSWorld.user):\(HTTPSWorld.token)@\(w.hostAndPort)\n",
            to: "\(person.sandbox.home)/.git-credentials")
        let redirect = w.server.redirectURL(for: "journal", host: HTTPSWorld.host)
        let git = w.gitLsRemote(person, url: redirect)
        #expect(git.status == 0, "\(git)")
        try Files.write("", to: log)
        let cloned = w.clone(person, url: redirect)
        #expect(cloned.status == 0, "\(cloned)\n\(w.server.logs)")
        // The helpers were asked about the server really contacted, not the one first named.
        #expect(
            (Files.read(log) ?? "").hasPrefix("get protocol=https host=\(w.hostAndPort)\n"), "\(Files.read(log) ?? "")")
        #expect(
            w.server.accessLog.contains {
                $0.hasPrefix("https GET /journal.git/info/refs?service=git-upload-pack 200 user=alice")
            })
    }

    @Test("TLS spoken to a plain-HTTP port fails as a TLS error (69), not as a certificate or credential one")
    func tlsToPlainPort() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let person = try w.person("ivan", [("http.sslCAInfo", w.authority.caCertificate)])
        let url = "https://\(HTTPSWorld.host):\(w.server.redirectPort)/journal.git"
        #expect(w.gitLsRemote(person, url: url).status != 0)
        let cloned = w.clone(person, url: url)
        Checks.expectCleanFailure(cloned, exitCode: 69)
        #expect(cloned.stderr.contains("TLS"), "\(cloned)")
    }

    /// Runs a command on a new pseudo-terminal, answers "Username for" and "Password for" prompts with argv[1]
    /// and argv[2], and prints everything the terminal showed; exits with the command's status.
    static let ptyDriver = #"""
        import os, pty, sys, time, select
        user, password, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(argv[0], argv)
        seen, answered, deadline = b"", set(), time.time() + 50
        while time.time() < deadline:
            r, _, _ = select.select([fd], [], [], 0.2)
            if fd in r:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                seen += data
            if b"Username for" in seen and "user" not in answered:
                os.write(fd, (user + "\n").encode()); answered.add("user")
            if b"Password for" in seen and "password" not in answered:
                os.write(fd, (password + "\n").encode()); answered.add("password")
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(seen.decode("utf-8", "replace"))
        sys.exit(os.waitstatus_to_exitcode(status))
        """#
}
