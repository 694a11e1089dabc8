import Foundation
import Testing

@testable import GitFormats
@testable import GitKit

/// The pieces behind ssh host key checks and HTTPS credentials: SHA-1/HMAC, `known_hosts` reading,
/// remote addresses and their redaction.
@Suite("Transport credentials (unit)")
struct TransportCredentialTests {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
    private let edKey = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
    private let otherEdKey = "AAAAC3NzaC1lZDI1NTE5AAAAIFc2Dj0y8jmS3LZR0zJt4pXxLe8FzMdAGbYyCbrL3yTe"
    private let rsaKey = "AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7"
    private func blob(_ base64: String) -> [UInt8] { [UInt8](Data(base64Encoded: base64)!) }

    @Test func sha1AndHMAC() {
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(
            hex(SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1000)))
                == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        let mac = SHA1.hmac(key: Array("key".utf8), message: Array("The quick brown fox jumps over the lazy dog".utf8))
        #expect(hex(mac) == "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9")
    }

    @Test func knownHostsVerdicts() {
        let text = """
            # comment
            example.com,192.0.2.7 ssh-ed25519 \(edKey) someone@somewhere
            [127.0.0.1]:2222 ssh-ed25519 \(otherEdKey)
            |1|AAECAwQFBgcICQoLDA0ODxAREhM=|nnUK16ANsXd3hL31YfAkGOluSjU= ssh-ed25519 \(otherEdKey)
            *.corp.example,!bad.corp.example ssh-ed25519 \(edKey)
            rsa-only.example ssh-rsa \(rsaKey)
            @revoked revoked.example ssh-ed25519 \(edKey)
            @cert-authority *.ca.example ssh-ed25519 \(edKey)
            broken line

            """
        let hosts = KnownHosts(path: "/x/known_hosts", text: text)
        func verdict(_ host: String, _ port: Int = 22, key: String? = nil, type: String = "ssh-ed25519")
            -> KnownHosts.Verdict
        {
            hosts.verdict(host: host, port: port, keyType: type, key: blob(key ?? edKey))
        }
        #expect(verdict("example.com") == .trusted)
        #expect(verdict("EXAMPLE.com") == .trusted)
        #expect(verdict("192.0.2.7") == .trusted)
        #expect(verdict("example.com", 2200) == .unknown)
        #expect(verdict("example.com", key: "eHl6") == .changed(line: 2))
        #expect(verdict("example.com", key: otherEdKey) == .trusted)  // the hashed line 4 lists it
        #expect(verdict("127.0.0.1", 2222, key: otherEdKey) == .trusted)
        #expect(verdict("127.0.0.1", 2222) == .changed(line: 3))
        #expect(verdict("127.0.0.1", 22) == .unknown)
        #expect(verdict("git.corp.example") == .trusted)
        #expect(verdict("bad.corp.example") == .unknown)
        #expect(verdict("rsa-only.example") == .otherTypesKnown(["ssh-rsa"]))
        #expect(verdict("revoked.example") == .changed(line: 7))
        #expect(verdict("x.ca.example") == .unknown)
        #expect(verdict("nowhere.example") == .unknown)
    }

    @Test func hashedKnownHosts() {
        let text = "|1|AAECAwQFBgcICQoLDA0ODxAREhM=|zKYaAqmSav3Qxr2sffNqWFIcbe4= ssh-ed25519 \(edKey)\n"
        let hosts = KnownHosts(path: "k", text: text)
        #expect(hosts.verdict(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: blob(edKey)) == .trusted)
        #expect(
            hosts.verdict(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: blob(otherEdKey))
                == .changed(line: 1))
        #expect(hosts.verdict(host: "127.0.0.1", port: 2223, keyType: "ssh-ed25519", key: blob(edKey)) == .unknown)
        #expect(KnownHosts.Entry.glob(Array("a*c?".utf8), Array("abbbcd".utf8)))
        #expect(!KnownHosts.Entry.glob(Array("[a]".utf8), Array("a".utf8)))
    }

    @Test func addresses() {
        let ssh = RemoteAddress("ssh://root@127.0.0.1:2222/srv/journal.git")
        #expect(ssh == RemoteAddress(scheme: "ssh", user: "root", host: "127.0.0.1", port: 2222))
        #expect(ssh.knownHostsName == "[127.0.0.1]:2222")
        let scp = RemoteAddress("git@Example.com:team/journal.git")
        #expect(scp.scheme == "ssh" && scp.host == "example.com" && scp.effectivePort == 22 && scp.user == "git")
        #expect(scp.knownHostsName == "example.com")
        let https = RemoteAddress("https://al%40ice:p%3Ass@host.example:8443/j.git")
        #expect(https.user == "al@ice" && https.password == "p:ss" && https.port == 8443)
        #expect(RemoteAddress("/srv/journal.git").scheme == "file")
        #expect(RemoteAddress("ssh://git@[::1]:2200/x").host == "::1")

        #expect(RemoteAddress.redacted("https://user:secret@host/x") == "https://user@host/x")
        #expect(
            RemoteAddress.redacted("https://ghp_0123456789abcdefghijklmnop@github.com/x") == "https://***@github.com/x")
        #expect(RemoteAddress.redacted("https://alice@host/x") == "https://alice@host/x")
        #expect(RemoteAddress.redacted("ssh://git@host:22/x") == "ssh://git@host:22/x")
        #expect(RemoteAddress.redacted("/plain/path") == "/plain/path")
        #expect(RemoteAddress.secrets(in: "https://u:p%40ss@h/x").sorted() == ["p%40ss", "p@ss"])
    }
}
