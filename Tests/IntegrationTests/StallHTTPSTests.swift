import Foundation
import TestSupport
import Testing

/// HTTPS and CONNECT proxies over the deadline stream: a round trip with a short limit still works (TLS and the
/// tunnel run over the stream, and progress keeps resetting the limit), and a stall behind a proxy, or of the
/// proxy itself, ends with exit 69 like any other.
@Suite("Stalled remotes: HTTPS and proxies")
struct StallHTTPSTests {
    static let now = ["BATON_NOW": "2026-11-24T10:00:00Z"]
    static let day = "2026-11-24"

    private func env(_ limit: String = "2") -> [String: String] {
        Self.now.merging(["BATON_TRANSFER_TIMEOUT": limit]) { $1 }
    }

    @Test("HTTPS with http.sslCAInfo round-trips with a 1 s limit, directly and through a CONNECT proxy")
    func httpsRoundTrip() throws {
        let w = try HTTPSWorld()
        defer { w.stop() }
        let bob = try w.person(
            "bob",
            [
                ("http.sslCAInfo", w.authority.caCertificate),
                ("credential.helper", HTTPSWorld.answeringHelper()),
            ])
        let cloned = w.clone(bob, env: env("1"))
        try #require(cloned.status == 0, "\(cloned)\n\(w.server.logs)")
        try bob.ok(["note", "over https"], env: env("1"))
        try bob.ok(["sync"], env: env("1"))
        let bare = w.transport.bareRepo
        let direct = w.transport.team.witness.git.show("main", Person.notePath("bob", Self.day), in: bare)
        #expect(direct?.contains("over https") == true)

        let proxy = try ForwardProxy(folder: w.folder.path, sandbox: w.transport.team.witness)
        defer { proxy.stop() }
        try bob.git.check(["config", "--global", "http.proxy", proxy.url], in: bob.sandbox.home)
        try bob.ok(["note", "through the proxy"], env: env("1"))
        try bob.ok(["sync"], env: env("1"))
        #expect(proxy.connectTargets.contains(w.hostAndPort), "\(proxy.requests)")
        let proxied = w.transport.team.witness.git.show("main", Person.notePath("bob", Self.day), in: bare)
        #expect(proxied?.contains("through the proxy") == true)
    }

    @Test(
        "A stalled server behind a CONNECT proxy, and a stalled proxy: 69 within the limit, the note kept",
        arguments: [true, false])
    func stallBehindProxy(proxyStalls: Bool) throws {
        let world = try TransportTeam()
        let stall = try StallServer()
        defer { stall.stop() }
        let proxy = try ForwardProxy(folder: world.folder.path, sandbox: world.team.witness)
        defer { proxy.stop() }
        let alice = try world.person("alice")
        // The proxy tunnels to the stalled server; or the stalled server is the proxy.
        let target = proxyStalls ? "https://localhost:9/journal.git" : stall.url(scheme: "https")
        let proxyURL = proxyStalls ? "http://127.0.0.1:\(stall.port)" : proxy.url
        try alice.git.check(["config", "--global", "http.proxy", proxyURL], in: alice.sandbox.home)
        try world.initJournal(alice, url: target)
        try alice.ok(["note", "written before the proxied stall"], env: env())
        let before = alice.git.head(alice.journal)

        let r = alice.baton(["sync"], env: env(), timeout: 30)
        Checks.expectCleanFailure(r, exitCode: 69)
        // The stream's socket goes to the proxy, so that is the address the message names.
        let named = proxyStalls ? stall.port : proxy.port
        #expect(r.stderr.contains("no answer from 127.0.0.1:\(named) in 2 s"), "\(r)\n\(proxy.requests)")
        #expect(r.duration < 10, "took \(r.duration) s:\n\(r)")
        #expect(alice.git.head(alice.journal) == before && alice.git.porcelain(alice.journal).isEmpty)
        if proxyStalls {
            #expect(stall.connections >= 1 && proxy.requests.isEmpty)
        } else {
            #expect(proxy.connectTargets == ["127.0.0.1:\(stall.port)"], "\(proxy.requests)")
        }
    }
}
