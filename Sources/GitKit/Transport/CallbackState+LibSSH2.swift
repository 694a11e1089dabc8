import CGit2
import Foundation

extension CallbackState {
    /// The local user's name (from the passwd entry), the user ssh logs in as when the address names none.
    static var localUser: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "git"
    }

    /// libssh2's own failures that libgit2 reports as generic ssh errors, said as what they are: a key with a
    /// passphrase and no `.pub` beside it (an authentication failure), or a host that `known_hosts` lists only
    /// with another key type (libssh2 then offers only that type and key exchange fails: a host key failure).
    func libssh2Diagnosis(_ error: GitError) -> GitError? {
        guard error.errorClass == Int32(GIT_ERROR_SSH.rawValue) || error.message.contains("libssh2") else { return nil }
        if error.message.contains("Unable to extract public key from private key file") {
            let key = lastKeyTried.map { Self.shortPath($0.path) } ?? "the ssh key"
            return GitError(
                operation: error.operation, code: GIT_EAUTH.rawValue, errorClass: error.errorClass,
                message: "\(key) is protected by a passphrase and has no \((key as NSString).lastPathComponent).pub "
                    + "beside it, so it cannot be used without ssh's prompt; put its public key at \(key).pub "
                    + "(`ssh-keygen -y -f \(key) > \(key).pub`) or add the key to ssh-agent (`ssh-add \(key)`)")
        }
        if error.message.contains("Unable to exchange encryption keys"), let url {
            let address = RemoteAddress(url)
            guard address.scheme == "ssh", let host = address.host else { return nil }
            let file = KnownHosts.userFile
            let types = KnownHosts(path: file).typesListed(host: host, port: address.effectivePort)
            guard !types.isEmpty else { return nil }
            let rejection = HostKeyRejection(
                reason: .otherTypesKnown(types), host: host, port: address.effectivePort, keyType: "", fingerprint: "",
                knownHostsFile: file)
            return GitError(
                operation: error.operation, code: GIT_ECERTIFICATE.rawValue, errorClass: error.errorClass,
                message:
                    "the server offers no \(types.joined(separator: "/")) host key, the only type known_hosts lists",
                hostKey: rejection)
        }
        return nil
    }

    private static func shortPath(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        if !home.isEmpty, path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }
}
