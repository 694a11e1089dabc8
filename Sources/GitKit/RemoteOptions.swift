import CGit2
import Foundation

/// Objects and bytes moved so far during a fetch, clone or push.
public struct TransferProgress: Sendable, Equatable {
    public var receivedObjects: Int
    public var totalObjects: Int
    public var indexedDeltas: Int
    public var totalDeltas: Int
    public var receivedBytes: Int
}

/// How to talk to a remote: progress reporting and where credentials come from.
public struct RemoteOptions: Sendable {
    /// Called with transfer progress; nil for none.
    public var progress: (@Sendable (TransferProgress) -> Void)?
    /// An HTTPS token (e.g. from an environment variable), used as the password for basic auth.
    public var token: String?
    /// The user name sent with `token`; defaults to the URL's user or "git".
    public var tokenUser: String?

    public init(progress: (@Sendable (TransferProgress) -> Void)? = nil, token: String? = nil, tokenUser: String? = nil) {
        self.progress = progress
        self.token = token
        self.tokenUser = tokenUser
    }
}

/// State shared with libgit2's C callbacks through their payload pointer.
final class CallbackState {
    let options: RemoteOptions
    var credentialAttempts = 0
    var sshKeyIndex = 0
    var triedAgent = false
    var rejections: [String] = []

    init(options: RemoteOptions) { self.options = options }

    /// Fills libgit2's callback table so that every callback finds this object in `payload`.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, username, allowed, payload in
            guard let payload, let out else { return -1 }
            let state = Unmanaged<CallbackState>.fromOpaque(payload).takeUnretainedValue()
            return state.credential(out: out, username: username.map { String(cString: $0) }, allowed: allowed)
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let state = Unmanaged<CallbackState>.fromOpaque(payload).takeUnretainedValue()
            state.options.progress?(
                TransferProgress(
                    receivedObjects: Int(stats.pointee.received_objects), totalObjects: Int(stats.pointee.total_objects),
                    indexedDeltas: Int(stats.pointee.indexed_deltas), totalDeltas: Int(stats.pointee.total_deltas),
                    receivedBytes: Int(stats.pointee.received_bytes)))
            return 0
        }
        callbacks.push_update_reference = { refname, status, payload in
            guard let payload else { return 0 }
            let state = Unmanaged<CallbackState>.fromOpaque(payload).takeUnretainedValue()
            if let status {
                let ref = refname.map { String(cString: $0) } ?? "?"
                state.rejections.append("\(ref): \(String(cString: status))")
            }
            return 0
        }
    }

    private func credential(out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, username: String?, allowed: UInt32) -> Int32 {
        credentialAttempts += 1
        if credentialAttempts > 6 { return GIT_EAUTH.rawValue }
        let user = username ?? options.tokenUser ?? "git"
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            if !triedAgent {
                triedAgent = true
                if ProcessInfo.processInfo.environment["SSH_AUTH_SOCK"] != nil,
                    git_credential_ssh_key_from_agent(out, user) == 0
                {
                    return 0
                }
            }
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            let keys = ["id_ed25519", "id_ecdsa", "id_rsa"].map { "\(home)/.ssh/\($0)" }
                .filter { FileManager.default.fileExists(atPath: $0) }
            while sshKeyIndex < keys.count {
                let key = keys[sshKeyIndex]
                sshKeyIndex += 1
                let pub = FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil
                if git_credential_ssh_key_new(out, user, pub, key, nil) == 0 { return 0 }
            }
            return GIT_EAUTH.rawValue
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, let token = options.token, credentialAttempts <= 1 {
            return git_credential_userpass_plaintext_new(out, options.tokenUser ?? username ?? "git", token)
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, user)
        }
        return GIT_PASSTHROUGH.rawValue
    }
}
