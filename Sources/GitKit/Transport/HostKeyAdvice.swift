import Foundation

/// The one-line message for a refused server certificate: for ssh, whether the host is unknown or its key
/// changed, and the commands that make it trusted.
public enum HostKeyAdvice {
    /// What to tell the user when `remote`'s certificate or host key was refused; `rejection` is nil when
    /// only a message (`detail`) is known.
    public static func message(remote: String, rejection: HostKeyRejection?, detail: String) -> String {
        guard let rejection else {
            if remote.lowercased().hasPrefix("https://") || remote.lowercased().hasPrefix("http://") {
                return "the TLS certificate of \(remote) could not be verified (\(detail)), so nothing was sent. "
                    + "If the server uses a company CA, point git at it: `git config --global http.sslCAInfo /path/to/ca.pem` "
                    + "(or http.<url>.sslCAInfo for that server only)"
            }
            return
                "the ssh host key of \(remote) is not trusted (\(detail)); if you trust it, add it to ~/.ssh/known_hosts with `ssh-keyscan HOST >> ~/.ssh/known_hosts` (add `-p PORT` for another port than 22)"
        }
        let name = rejection.knownHostsName
        let file = shortPath(rejection.knownHostsFile)
        let shown = ([rejection.keyType, rejection.fingerprint].filter { !$0.isEmpty }).joined(separator: " ")
        let port = rejection.port == 22 ? "" : "-p \(rejection.port) "
        let scan = "ssh-keyscan \(port)\(rejection.host) >> \(file)"
        // The system ssh program does not always say which key the server showed.
        let showsUnknown = shown.isEmpty ? "" : "The server shows \(shown). "
        switch rejection.reason {
        case .unknown:
            return "the ssh host key of \(name) is unknown (not in \(file)), so baton did not connect to \(remote). "
                + showsUnknown
                + "If you trust it (compare the fingerprint with the server's admin), add it with `\(scan)` "
                + "and try again"
        case .otherTypesKnown(let types):
            let offered = shown.isEmpty ? "the server offers no such key" : "the server shows \(shown)"
            let typeOption = rejection.keyType.isEmpty ? "" : "-t \(rejection.keyType) "
            return "\(file) lists only a \(types.joined(separator: "/")) key for \(name), but \(offered), "
                + "so baton did not connect to \(remote). If you trust the server's key (compare the fingerprint with the "
                + "server's admin), add it with `ssh-keyscan \(typeOption)\(port)\(rejection.host) >> \(file)` and try again"
        case .changed(let line):
            let listed = line > 0 ? "\(file) line \(line) lists another key" : "\(file) lists another key"
            let now = shown.isEmpty ? "" : ", and the server now shows \(shown)"
            return "the ssh host key of \(name) has CHANGED: \(listed)\(now). "
                + "This may be an attack, so baton refused to connect to \(remote). If the server's admin confirms the new key, "
                + "remove the old one with `ssh-keygen -R '\(name)'`, add the new one with `\(scan)`, and try again"
        }
    }

    /// `~/…` for a path in `$HOME`.
    private static func shortPath(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        if !home.isEmpty, path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }
}
