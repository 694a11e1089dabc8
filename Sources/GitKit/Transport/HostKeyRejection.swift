/// Why an ssh server's host key was refused, from the `known_hosts` check of the certificate callback.
public struct HostKeyRejection: Sendable, Equatable {
    /// What `known_hosts` says about the key the server showed.
    public enum Reason: Sendable, Equatable {
        /// The host is not listed at all.
        case unknown
        /// The host is listed only with keys of these other types.
        case otherTypesKnown([String])
        /// The host is listed with a different key of the same type (or this key is revoked) at `line`.
        case changed(line: Int)
    }

    public let reason: Reason
    /// The host as written in the URL (lower case).
    public let host: String
    public let port: Int
    /// The server's key type, e.g. `ssh-ed25519`.
    public let keyType: String
    /// The server's key fingerprint as OpenSSH prints it (`SHA256:…`), or "" when libgit2 gave none.
    public let fingerprint: String
    /// The `known_hosts` file that was read.
    public let knownHostsFile: String

    public init(reason: Reason, host: String, port: Int, keyType: String, fingerprint: String, knownHostsFile: String) {
        self.reason = reason
        self.host = host
        self.port = port
        self.keyType = keyType
        self.fingerprint = fingerprint
        self.knownHostsFile = knownHostsFile
    }

    /// The name `known_hosts` and `ssh-keygen -R` use: `host` on port 22, `[host]:port` otherwise.
    public var knownHostsName: String {
        RemoteAddress(scheme: "ssh", host: host, port: port).knownHostsName
    }
}
