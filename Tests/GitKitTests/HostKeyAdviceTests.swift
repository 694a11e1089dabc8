import Foundation
import Testing

@testable import GitKit

/// The ssh host key messages, also when the system ssh program told only part of the story (no key type,
/// no fingerprint, no line number).
@Suite("Host key advice (unit)")
struct HostKeyAdviceTests {
    private let remote = "ssh://git@example.org:2222/team/journal.git"
    private func rejection(_ reason: HostKeyRejection.Reason, type: String = "", fingerprint: String = "")
        -> HostKeyRejection
    {
        HostKeyRejection(
            reason: reason, host: "example.org", port: 2222, keyType: type, fingerprint: fingerprint,
            knownHostsFile: "/nowhere/known_hosts")
    }

    @Test func unknownKeyWithAndWithoutFingerprint() {
        let full = HostKeyAdvice.message(
            remote: remote, rejection: rejection(.unknown, type: "ssh-ed25519", fingerprint: "SHA256:abc"), detail: "")
        #expect(full.contains("is unknown") && full.contains("The server shows ssh-ed25519 SHA256:abc."))
        #expect(full.contains("`ssh-keyscan -p 2222 example.org >> /nowhere/known_hosts`"))
        let bare = HostKeyAdvice.message(remote: remote, rejection: rejection(.unknown), detail: "")
        #expect(!bare.contains("shows") && !bare.contains("; If") && bare.contains(". If you trust it"))
    }

    @Test func otherTypesKnownWithoutTheServersType() {
        let text = HostKeyAdvice.message(
            remote: remote, rejection: rejection(.otherTypesKnown(["ssh-rsa"])), detail: "")
        #expect(text.contains("lists only a ssh-rsa key for [example.org]:2222, but the server offers no such key"))
        #expect(text.contains("`ssh-keyscan -p 2222 example.org >> /nowhere/known_hosts`"))
        #expect(!text.contains("-t "))
        let typed = HostKeyAdvice.message(
            remote: remote, rejection: rejection(.otherTypesKnown(["ssh-rsa"]), type: "ssh-ed25519"), detail: "")
        #expect(typed.contains("ssh-keyscan -t ssh-ed25519 -p 2222 example.org"))
    }

    @Test func changedKeyWithoutLineOrKey() {
        let text = HostKeyAdvice.message(remote: remote, rejection: rejection(.changed(line: 0)), detail: "")
        #expect(text.contains("has CHANGED: /nowhere/known_hosts lists another key. This may be an attack"))
        #expect(text.contains("`ssh-keygen -R '[example.org]:2222'`"))
        let line = HostKeyAdvice.message(
            remote: remote, rejection: rejection(.changed(line: 4), type: "ssh-ed25519", fingerprint: "SHA256:x"),
            detail: "")
        #expect(line.contains("line 4 lists another key, and the server now shows ssh-ed25519 SHA256:x."))
    }
}
