import Foundation
import GitKit

/// Why an ssh server's host key was refused: what the user's `known_hosts` says about the key it showed.
public struct HostKeyProblem: Sendable, Equatable {
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
    /// The server's key fingerprint as OpenSSH prints it (`SHA256:…`), or "" when none was given.
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

    init(_ rejection: HostKeyRejection) {
        let reason: Reason
        switch rejection.reason {
        case .unknown: reason = .unknown
        case .otherTypesKnown(let types): reason = .otherTypesKnown(types)
        case .changed(let line): reason = .changed(line: line)
        }
        self.init(
            reason: reason, host: rejection.host, port: rejection.port, keyType: rejection.keyType,
            fingerprint: rejection.fingerprint, knownHostsFile: rejection.knownHostsFile)
    }

    /// The name `known_hosts` and `ssh-keygen -R` use: `host` on port 22, `[host]:port` otherwise.
    public var knownHostsName: String {
        RemoteAddress(scheme: "ssh", host: host, port: port).knownHostsName
    }
}
