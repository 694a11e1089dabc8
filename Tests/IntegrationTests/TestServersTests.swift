import Foundation
import TestSupport
import Testing

/// The servers other tests stand on, each proved with the git CLI as the client: the throwaway CA, nginx +
/// git http-backend over TLS (with its redirecting plain-HTTP listener), the CONNECT proxy, the stalling server.
@Suite("Test servers", .serialized)
struct TestServersTests {
    static let user = "alice"
    static let token = "tok-Tls-5e4d3c2b1a"

    private struct World {
        let world: TransportTeam
        let authority: TestCertificateAuthority
        let server: TLSGitServer
        var git: Git { world.team.witness.git }
        var folder: TemporaryFolder { world.folder }
    }

    private func world() throws -> World {
        let world = try TransportTeam()
        let authority = try TestCertificateAuthority(folder: world.folder.sub("ca"))
        let server = try TLSGitServer(
            projectRoot: world.served, user: Self.user, token: Self.token,
            authority: authority, folder: world.folder.sub("nginx"),
            sandbox: world.team.witness)
        return World(world: world, authority: authority, server: server)
    }

    @Test("The CA signs a server certificate for 127.0.0.1 and localhost; the untrusted CA does not verify it")
    func certificateAuthority() throws {
        let folder = try TemporaryFolder(prefix: "baton-ca")
        let ca = try TestCertificateAuthority(folder: folder.sub("ca"))
        try TestCertificateAuthority.openssl(
            ["verify", "-CAfile", ca.caCertificate, ca.serverCertificate],
            in: folder.path)
        try TestCertificateAuthority.openssl(["verify", "-CApath", ca.caPath, ca.serverCertificate], in: folder.path)
        #expect(throws: (any Error).self) {
            try TestCertificateAuthority.openssl(
                ["verify", "-CAfile", ca.untrustedCACertificate, ca.serverCertificate],
                in: folder.path)
        }
        #expect(throws: (any Error).self) {
            try TestCertificateAuthority.openssl(
                ["verify", "-CApath", ca.untrustedCAPath, ca.serverCertificate],
                in: folder.path)
        }
        let text = try TestCertificateAuthority.openssl(
            ["x509", "-in", ca.serverCertificate, "-noout", "-text"],
            in: folder.path
        ).stdout
        #expect(text.contains("IP Address:127.0.0.1") && text.contains("DNS:localhost"), "\(text)")
    }

    @Test("TLSGitServer: git clones and pushes over HTTPS with http.sslCAInfo or sslCAPath, refuses others")
    func tlsGitServer() throws {
        let w = try world()
        defer { w.server.stop() }
        let url = w.server.url(for: "journal", user: Self.user, password: Self.token)
        let trust = ["-c", "http.sslCAInfo=\(w.authority.caCertificate)"]
        let clone = w.folder.sub("clone")
        try w.git.check(trust + ["clone", url, clone], in: w.folder.path)
        try Files.write("hello\n", to: "\(clone)/a.md")
        // Enough random bytes, and a small post buffer, that the push is sent chunked.
        let noise = (0..<40_000).map { _ in String(UInt32.random(in: 0...UInt32.max), radix: 36) }
            .joined(separator: "\n")
        try Files.write(noise, to: "\(clone)/noise.txt")
        try w.git.check(["add", "-A"], in: clone)
        try w.git.check(["commit", "-qm", "first over https"], in: clone, env: Git.dated("2026-03-02T10:00:00Z"))
        try w.git.check(trust + ["-c", "http.postBuffer=1024", "push", "origin", "HEAD:main"], in: clone)
        #expect(w.world.remoteSubjects == ["first over https"])

        let viaPath = w.git.run(
            ["-c", "http.sslCAPath=\(w.authority.caPath)", "clone", url, w.folder.sub("by-path")],
            in: w.folder.path)
        #expect(viaPath.status == 0, "\(viaPath)")
        #expect(Files.read(w.folder.sub("by-path/a.md")) == "hello\n")

        let untrusted = w.git.run(
            [
                "-c", "http.sslCAInfo=\(w.authority.untrustedCACertificate)", "clone", url,
                w.folder.sub("untrusted"),
            ], in: w.folder.path)
        #expect(untrusted.status != 0 && untrusted.stderr.lowercased().contains("certificate"), "\(untrusted)")
        let badToken = w.git.run(
            trust + [
                "clone", w.server.url(for: "journal", user: Self.user, password: "wrong"),
                w.folder.sub("bad-token"),
            ], in: w.folder.path)
        #expect(badToken.status != 0, "\(badToken)")

        let log = w.server.accessLog
        #expect(
            log.contains { $0.hasPrefix("https GET /journal.git/info/refs?service=git-upload-pack 401 user=-") },
            "\(w.server.logs)")
        #expect(log.contains("https POST /journal.git/git-receive-pack 200 user=alice"), "\(w.server.logs)")
        let everything = w.server.logs
        #expect(!everything.contains(Self.token), "the token is in a server log:\n\(everything)")
        #expect(!everything.lowercased().contains("authorization"), "\(everything)")
    }

    @Test("TLSGitServer: the plain-HTTP listener redirects every request to the HTTPS one, and git follows")
    func redirect() throws {
        let w = try world()
        defer { w.server.stop() }
        #expect(w.server.redirectURL(for: "journal") == "http://127.0.0.1:\(w.server.redirectPort)/journal.git")
        // git sends no credentials from the first URL to the redirected one: a helper answers for it.
        let helper = "!f() { test \"$1\" = get && echo username=\(Self.user) && echo password=\(Self.token); }; f"
        let r = w.git.run(
            [
                "-c", "http.sslCAInfo=\(w.authority.caCertificate)", "-c", "credential.helper=\(helper)",
                "clone", w.server.redirectURL(for: "journal"), w.folder.sub("redirected"),
            ],
            in: w.folder.path)
        #expect(r.status == 0, "\(r)\n\(w.server.logs)")
        let log = w.server.accessLog
        #expect(
            log.first?.hasPrefix("http GET /journal.git/info/refs?service=git-upload-pack 301") == true,
            "\(w.server.logs)")
        let answered = "https GET /journal.git/info/refs?service=git-upload-pack 200 user=alice"
        #expect(log.contains { $0.hasPrefix(answered) }, "\(w.server.logs)")
    }

    @Test("ForwardProxy: git over HTTPS goes through CONNECT with http.proxy, and not with NO_PROXY")
    func forwardProxy() throws {
        let w = try world()
        defer { w.server.stop() }
        let proxy = try ForwardProxy(folder: w.folder.path, sandbox: w.world.team.witness)
        defer { proxy.stop() }
        let url = w.server.url(for: "journal", user: Self.user, password: Self.token)
        let trust = ["-c", "http.sslCAInfo=\(w.authority.caCertificate)"]
        let proxied = w.git.run(trust + ["-c", "http.proxy=\(proxy.url)", "ls-remote", url], in: w.folder.path)
        #expect(proxied.status == 0, "\(proxied)")
        #expect(proxy.connectTargets.contains("127.0.0.1:\(w.server.port)"), "\(proxy.requests)")

        let before = proxy.requests.count
        let bypassed = w.git.run(
            trust + ["ls-remote", url], in: w.folder.path,
            env: ["HTTPS_PROXY": proxy.url, "NO_PROXY": "127.0.0.1"])
        #expect(bypassed.status == 0, "\(bypassed)")
        #expect(proxy.requests.count == before, "NO_PROXY was not honoured: \(proxy.requests)")

        // Plain HTTP through the proxy: an absolute-form request, forwarded.
        let plain = try HTTPGitServer(
            projectRoot: w.world.served, user: Self.user, token: Self.token,
            folder: w.folder.path, sandbox: w.world.team.witness)
        defer { plain.stop() }
        let forwarded = w.git.run(
            [
                "-c", "http.proxy=\(proxy.url)", "ls-remote",
                plain.url(for: "journal", user: Self.user, password: Self.token),
            ], in: w.folder.path)
        #expect(forwarded.status == 0, "\(forwarded)")
        #expect(
            proxy.requests.contains { $0.hasPrefix("GET http://127.0.0.1:\(plain.port)/journal.git/info/refs") },
            "\(proxy.requests)")
        #expect(!(Files.read(proxy.logPath) ?? "").contains(Self.token))
    }

    @Test("StallServer: accepts, never answers; git hangs on it until killed")
    func stallServer() throws {
        let folder = try TemporaryFolder(prefix: "baton-stall")
        let sandbox = try Sandbox.make(home: folder.sub("home"))
        let stall = try StallServer()
        defer { stall.stop() }
        #expect(LocalPorts.accepts(port: stall.port))
        let r = ProcessRunner.run(
            executable: Git.executable, arguments: ["ls-remote", stall.url(scheme: "git")],
            directory: folder.path, environment: sandbox.variables(), timeout: 3)
        #expect(r.timedOut, "git did not hang on a server that never answers:\n\(r)")
        #expect(stall.connections >= 2)
        // Idempotent. (Whether the port is refused afterwards is not checked: a parallel test may get it.)
        stall.stop()
        stall.stop()
    }
}
