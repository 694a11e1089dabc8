import Foundation
import Testing

@testable import GitKit

/// git's URL matching, the HTTP settings read from it, and the credential protocol's pieces.
@Suite("HTTP settings and credential helpers (unit)")
struct HTTPSettingsTests {
    private func entries(_ pairs: [(String, String)]) -> [GitConfigSnapshot.Entry] {
        pairs.map { GitConfigSnapshot.Entry(name: $0.0, value: $0.1) }
    }

    @Test func urlMatchingFollowsGit() {
        let url = "https://alice@git.example.com:443/team/journal.git"
        #expect(URLMatch.match(pattern: "https://git.example.com", url: url) != nil)
        #expect(URLMatch.match(pattern: "https://git.example.com/", url: url) != nil)
        #expect(URLMatch.match(pattern: "https://git.example.com/team", url: url)?.pathLength == 5)
        #expect(URLMatch.match(pattern: "https://git.example.com/tea", url: url) == nil)
        #expect(URLMatch.match(pattern: "http://git.example.com", url: url) == nil)
        #expect(URLMatch.match(pattern: "https://*.example.com", url: url)?.wildcards == 1)
        #expect(URLMatch.match(pattern: "https://*.com", url: url) == nil)
        #expect(URLMatch.match(pattern: "https://bob@git.example.com", url: url) == nil)
        #expect(URLMatch.match(pattern: "https://alice@git.example.com", url: url)?.userMatched == true)
        #expect(URLMatch.match(pattern: "https://git.example.com:8443", url: url) == nil)
        #expect(URLMatch.match(pattern: "git.example.com", url: url) != nil)

        let chosen = URLMatch.best(
            [
                (nil, "general"), ("https://git.example.com/team", "team"), ("https://*.example.com", "wild"),
                ("https://git.example.com", "host"),
            ], url: url)
        #expect(chosen == "team")
        #expect(URLMatch.best([(nil, "first"), (nil, "second")], url: url) == "second")
        #expect(URLMatch.best([("https://git.example.com", "host"), (nil, "general")], url: url) == "host")
        #expect(URLMatch.best([("https://other.example", "x")], url: url) == nil)
    }

    @Test func trustSettingsPerURLAndEnvironment() {
        let http = entries([
            ("http.sslcainfo", "/etc/general.pem"),
            ("http.https://git.corp.example.sslcainfo", "/etc/corp.pem"),
            ("http.https://git.corp.example/open.sslverify", "false"),
            ("http.sslcapath", "~/cas"),
        ])
        let corp = HTTPSettings(
            url: "https://git.corp.example/team/j.git", httpEntries: http, remoteProxy: nil,
            environment: ["HOME": "/home/a"])
        #expect(corp.caFile == "/etc/corp.pem" && corp.caPath == "/home/a/cas" && corp.verify)
        let open = HTTPSettings(
            url: "https://git.corp.example/open/j.git", httpEntries: http, remoteProxy: nil, environment: [:])
        #expect(!open.verify && open.verifyOffBy == "http.sslVerify=false")
        let other = HTTPSettings(
            url: "https://elsewhere.example/j.git", httpEntries: http, remoteProxy: nil,
            environment: ["GIT_SSL_CAINFO": "/env.pem", "GIT_SSL_NO_VERIFY": "1"])
        #expect(other.caFile == "/env.pem" && other.caFileSource == "GIT_SSL_CAINFO" && !other.verify)
    }

    @Test func proxiesAsGitReadsThem() {
        let none: [GitConfigSnapshot.Entry] = []
        func proxy(
            _ url: String, _ http: [GitConfigSnapshot.Entry] = [], remote: String? = nil, _ env: [String: String]
        ) -> String? {
            HTTPSettings(url: url, httpEntries: http, remoteProxy: remote, environment: env).proxy
        }
        #expect(proxy("https://h.example/x", none, ["HTTPS_PROXY": "p1:3128"]) == "http://p1:3128")
        #expect(
            proxy("https://h.example/x", none, ["HTTPS_PROXY": "http://p1", "https_proxy": "http://p2"]) == "http://p2")
        #expect(proxy("http://h.example/x", none, ["HTTPS_PROXY": "http://p1"]) == nil)
        #expect(proxy("http://h.example/x", none, ["http_proxy": "http://p3"]) == "http://p3")
        #expect(proxy("https://h.example/x", none, ["ALL_PROXY": "http://p4"]) == "http://p4")
        #expect(proxy("https://h.example/x", none, ["ALL_PROXY": "http://p4", "NO_PROXY": "xample"]) == "http://p4")
        #expect(proxy("https://h.example/x", none, ["ALL_PROXY": "http://p4", "NO_PROXY": "other,.example"]) == nil)
        #expect(proxy("https://h.example/x", none, ["ALL_PROXY": "http://p4", "no_proxy": "*"]) == nil)
        let config = entries([("http.proxy", "http://cfg:1"), ("http.https://h.example.proxy", "http://per-url:2")])
        #expect(proxy("https://h.example/x", config, ["HTTPS_PROXY": "http://env"]) == "http://per-url:2")
        #expect(proxy("https://o.example/x", config, ["HTTPS_PROXY": "http://env"]) == "http://cfg:1")
        #expect(proxy("https://o.example/x", config, remote: "http://remote:3", [:]) == "http://remote:3")
        #expect(proxy("https://h.example/x", entries([("http.proxy", "")]), ["HTTPS_PROXY": "http://env"]) == nil)
        #expect(proxy("https://127.0.0.1:8443/x", none, ["HTTPS_PROXY": "http://env", "NO_PROXY": "127.0.0.1"]) == nil)
    }

    @Test func credentialHelpersInConfigOrder() {
        let config = entries([
            ("credential.helper", "cache --timeout=300"),
            ("credential.https://git.example.helper", "!f() { echo password=x; }; f"),
            ("credential.https://other.example.helper", "/opt/never"),
            ("credential.https://git.example.usehttppath", "true"),
            ("credential.username", "alice"),
            ("credential.helper", "/usr/local/bin/my-helper --flag"),
        ])
        let helpers = CredentialHelpers(url: "https://git.example/team/j.git", entries: config)
        #expect(
            helpers.helpers == [
                "cache --timeout=300", "!f() { echo password=x; }; f", "/usr/local/bin/my-helper --flag",
            ])
        #expect(helpers.useHTTPPath && helpers.username == "alice")
        let cleared = CredentialHelpers(
            url: "https://git.example/j.git",
            entries: entries([
                ("credential.helper", "store"), ("credential.helper", ""),
                ("credential.helper", "cache"),
            ]))
        #expect(cleared.helpers == ["cache"] && !cleared.useHTTPPath)
        #expect(
            CredentialHelpers.command(for: "cache --timeout=300", action: "get")
                == "git credential-cache --timeout=300 get")
        #expect(CredentialHelpers.command(for: "!f() { echo hi; }; f", action: "store") == "f() { echo hi; }; f store")
        #expect(CredentialHelpers.command(for: "/usr/bin/helper --x", action: "erase") == "/usr/bin/helper --x erase")
    }

    @Test func credentialProtocolText() {
        var request = CredentialRequest(url: "https://bob@127.0.0.1:8443/team/journal.git", useHTTPPath: false)
        #expect(request.protocolText == "protocol=https\nhost=127.0.0.1:8443\nusername=bob\n\n")
        request = CredentialRequest(url: "https://git.example/team/journal.git", useHTTPPath: true)
        request.password = "t0ken"
        #expect(request.protocolText == "protocol=https\nhost=git.example\npath=team/journal.git\npassword=t0ken\n\n")
        let answer = CredentialRequest.parseAnswer("username=alice\r\npassword=a=b\nquit=0\n\nignored=1\n")
        #expect(answer == .init(username: "alice", password: "a=b", quit: false))
        #expect(CredentialRequest.parseAnswer("quit=true\n").quit)
    }

    @Test func helpersRunWithTheProtocol() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baton-helper-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = folder + "/log"
        let helper =
            "!f() { echo \"$1\" >> '\(log)'; cat >> '\(log)'; [ \"$1\" = get ] && printf 'username=u\\npassword=p\\n'; true; }; f"
        let helpers = CredentialHelpers(
            url: "https://h.example/x.git", entries: entries([("credential.helper", helper)]))
        let request = CredentialRequest(url: "https://h.example/x.git", useHTTPPath: false)
        let got = try #require(helpers.get(request))
        #expect(got.request.username == "u" && got.request.password == "p")
        helpers.store(got.request)
        helpers.erase(got.request)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(
            text
                == "get\nprotocol=https\nhost=h.example\n\nstore\nprotocol=https\nhost=h.example\nusername=u\npassword=p\n\n"
                + "erase\nprotocol=https\nhost=h.example\nusername=u\npassword=p\n\n")
    }
}
