import Foundation
import Testing

@testable import GitKit

/// The command line git runs for an ssh remote (connect.c's rules), and how ssh's standard error is read.
@Suite("ssh command line (unit)")
struct SSHCommandTests {
    private let path = "/usr/local/bin:/usr/bin"
    private func ssh(
        _ url: String, _ service: SSHCommand.Service = .uploadPack, env: [String: String] = [:],
        config: [String: String] = [:], installed: Set<String> = ["/usr/bin/ssh"]
    ) throws -> SSHCommand? {
        var environment = env
        if environment["PATH"] == nil { environment["PATH"] = path }
        return try SSHCommand.make(
            url: url, service: service, environment: environment, config: { config[$0] },
            isExecutable: { installed.contains($0) })
    }

    @Test func sshURLWithUserAndPort() throws {
        let command = try #require(try ssh("ssh://alice@git.example.com:2222/srv/journal.git"))
        #expect(command.program == "/usr/bin/ssh")
        #expect(command.argv == ["ssh", "-p", "2222", "alice@git.example.com", "git-upload-pack '/srv/journal.git'"])
        let push = try #require(try ssh("git+ssh://git.example.com/srv/j.git", .receivePack))
        #expect(push.argv == ["ssh", "git.example.com", "git-receive-pack '/srv/j.git'"])
        let other = try #require(try ssh("ssh+git://[::1]:22/x"))
        #expect(other.argv == ["ssh", "-p", "22", "::1", "git-upload-pack '/x'"])
    }

    @Test func scpLikeAddressesKeepThePathAsWritten() throws {
        #expect(try ssh("journal:/abs/path.git")?.argv == ["ssh", "journal", "git-upload-pack '/abs/path.git'"])
        #expect(
            try ssh("git@host:team/journal.git")?.argv == ["ssh", "git@host", "git-upload-pack 'team/journal.git'"])
        #expect(try ssh("host:~bob/j.git")?.argv == ["ssh", "host", "git-upload-pack '~bob/j.git'"])
        #expect(try ssh("[host:2200]:j.git")?.argv == ["ssh", "-p", "2200", "host", "git-upload-pack 'j.git'"])
        // A home folder in an ssh:// URL loses its leading slash.
        #expect(try ssh("ssh://host/~bob/j.git")?.argv == ["ssh", "host", "git-upload-pack '~bob/j.git'"])
        #expect(try ssh("/local/path") == nil)
        #expect(try ssh("https://host/x.git") == nil)
    }

    @Test func pathsAreQuotedAsGitQuotesThem() throws {
        #expect(SSHCommand.shellQuoted("it's here!") == #"'it'\''s here'\!''"#)
        #expect(try ssh("host:a b/$(x).git")?.arguments.last == "git-upload-pack 'a b/$(x).git'")
    }

    @Test func optionLikeHostOrUserIsRefused() throws {
        #expect(throws: SSHCommand.Refusal.self) { try ssh("ssh://-oProxyCommand=evil/x") }
        #expect(throws: SSHCommand.Refusal.self) { try ssh("-oProxyCommand=evil:x") }
        #expect(throws: SSHCommand.Refusal.self) { try ssh("ssh://-u@host/x") }
        #expect(throws: SSHCommand.Refusal.self) { try ssh("host:-x") }
    }

    @Test func programChoiceFollowsGit() throws {
        let url = "ssh://u@h:99/r.git"
        // GIT_SSH_COMMAND wins over core.sshCommand, which wins over GIT_SSH; both commands go through sh -c.
        let env = try #require(
            try ssh(
                url, env: ["GIT_SSH_COMMAND": "ssh -i key", "GIT_SSH": "/opt/plink"],
                config: ["core.sshcommand": "other"]))
        #expect(env.program == "/bin/sh")
        #expect(
            env.argv == ["sh", "-c", "ssh -i key \"$@\"", "ssh -i key", "-p", "99", "u@h", "git-upload-pack '/r.git'"])
        let config = try #require(
            try ssh(url, env: ["GIT_SSH": "/opt/plink"], config: ["core.sshcommand": "my-ssh -v"]))
        #expect(
            config.argv == ["sh", "-c", "my-ssh -v \"$@\"", "my-ssh -v", "-p", "99", "u@h", "git-upload-pack '/r.git'"])
        let plink = try #require(try ssh(url, env: ["GIT_SSH": "/opt/plink"]))
        #expect(plink.program == "/opt/plink")
        #expect(plink.argv == ["/opt/plink", "-P", "99", "u@h", "git-upload-pack '/r.git'"])
        let tortoise = try #require(try ssh(url, env: ["GIT_SSH": "C:/TortoisePlink.exe"]))
        #expect(tortoise.arguments == ["-batch", "-P", "99", "u@h", "git-upload-pack '/r.git'"])
        // No ssh anywhere: nil, so libssh2 is used.
        #expect(try ssh(url, installed: []) == nil)
    }

    @Test func variantSettings() throws {
        let url = "ssh://h:99/r.git"
        #expect(try ssh(url, config: ["ssh.variant": "putty"])?.arguments.prefix(2) == ["-P", "99"])
        #expect(
            try ssh(url, env: ["GIT_SSH_VARIANT": "ssh"], config: ["ssh.variant": "plink"])?.arguments.prefix(2) == [
                "-p", "99",
            ])
        #expect(throws: SSHCommand.Refusal.self) { try ssh(url, config: ["ssh.variant": "simple"]) }
        #expect(try ssh("h:r.git", config: ["ssh.variant": "simple"])?.argv == ["ssh", "h", "git-upload-pack 'r.git'"])
        #expect(throws: SSHCommand.Refusal.self) { try ssh(url, config: ["ssh.variant": "bogus"]) }
    }

    @Test func stderrClassification() {
        func kind(_ text: String, data: Bool = false) -> TransportFailure.Kind {
            SSHFailureDiagnosis.classify(stderr: text, host: "h", port: 2222, status: 255, receivedData: data).kind
        }
        #expect(kind("Host key verification failed.\n") == .hostKey)
        #expect(kind("git@h: Permission denied (publickey).\n") == .authentication)
        #expect(
            kind("Received disconnect from 127.0.0.1 port 22:2: Too many authentication failures\n") == .authentication)
        #expect(kind("ssh: Could not resolve hostname nowhere: Name or service not known\n") == .unreachable)
        #expect(kind("ssh: connect to host 127.0.0.1 port 1: Connection refused\n") == .unreachable)
        #expect(kind("Connection closed by 127.0.0.1 port 2222\n") == .unreachable)
        #expect(kind("Connection closed by 127.0.0.1 port 2222\n", data: true) == .other)
        #expect(kind("fatal: '/x.git' does not appear to be a git repository\n") == .notFound)
        #expect(kind("something odd\n") == .other)

        let changed = """
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
            The fingerprint for the ED25519 key sent by the remote host is
            SHA256:abcDEF123+/xyz.
            Offending ED25519 key in /home/u/.ssh/known_hosts:3
            Host key for [127.0.0.1]:2222 has changed and you have requested strict checking.
            Host key verification failed.
            """
        let failure = SSHFailureDiagnosis.classify(
            stderr: changed, host: "journal", port: nil, status: 255, receivedData: false)
        #expect(failure.kind == .hostKey)
        #expect(
            failure.hostKey
                == HostKeyRejection(
                    reason: .changed(line: 3), host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519",
                    fingerprint: "SHA256:abcDEF123+/xyz",
                    knownHostsFile: "/home/u/.ssh/known_hosts"))
        let unknown = SSHFailureDiagnosis.classify(
            stderr: "Host key verification failed.\n", host: "journal", port: nil, status: 255, receivedData: false,
            knownHostsFile: "/k")
        #expect(unknown.hostKey?.reason == .unknown)
        #expect(unknown.hostKey?.knownHostsName == "journal")
    }

    @Test func stderrCopyDropsControlCharacters() {
        let bytes = Array("ok\u{1b}[31mred\r\n\u{07}tab\there".utf8)
        #expect(String(decoding: StderrTail.printable(bytes[...]), as: UTF8.self) == "ok[31mred\ntab\there")
    }
}
