import Basics
import CGit2
import Foundation

/// State shared with libgit2's C callbacks through their payload pointer.
final class CallbackState {
    let options: TransferOptions
    /// The remote's URL (for the ssh port and for looking up stored credentials).
    let url: String?
    /// The repository whose config names credential helpers; nil for a clone (git's default config then).
    let repository: OpaquePointer?
    var sshAttempts = 0
    var userPassAttempts = 0
    var sshKeyIndex = 0
    var triedAgent = false
    /// The last key file handed to libssh2, and whether its `.pub` was beside it.
    var lastKeyTried: (path: String, hasPublicKey: Bool)?
    var rejections: [String] = []
    /// Set when the certificate callback refused an ssh host key.
    var hostKeyRejection: HostKeyRejection?
    /// Every secret handed to libgit2, scrubbed from error messages.
    var secrets: [String] = []
    /// The transfer's configuration and a transport's diagnosis.
    let context: TransferContext
    /// What git's settings say about this HTTP(S) URL (CA certificates, checks, proxy).
    let http: HTTPSettings
    /// Where HTTP(S) credentials come from.
    let credentials: HTTPCredentials
    /// The proxy URL handed to libgit2, kept alive for the transfer.
    private var proxyURL: UnsafeMutablePointer<CChar>?
    private var warnedUnverified = false
    private static let unverifiedWarning = OnceFlag()

    init(options: TransferOptions, url: String?, repository: OpaquePointer? = nil, remote: String? = nil) {
        self.options = options
        self.url = url
        self.repository = repository
        let config = try? GitConfigSnapshot(repository: repository)
        context = TransferContext(url: url, config: config)
        http = url.map { HTTPSettings(url: $0, config: config, remote: remote) } ?? HTTPSettings()
        credentials = HTTPCredentials(config: config, token: options.token, tokenUser: options.tokenUser)
        if let token = options.token { secrets.append(token) }
    }

    deinit { free(proxyURL) }

    /// Loads the CA certificates this transfer trusts; call before libgit2 connects.
    func prepareTrust() throws {
        try TLSTrust.prepare(url: url, settings: http)
    }

    /// Runs the libgit2 transfer `body` with this transfer's context; a failure comes back refined.
    func transfer(_ body: () throws -> Void) throws {
        do {
            try withExtendedLifetime(self) { try context.during(body) }
        } catch let error as GitError {
            throw refine(error, context: context)
        }
        credentials.approve()
    }

    /// libgit2's credential callback, for the remote and its proxy alike: `payload` is this object.
    private static let credentialCallback: git_credential_acquire_cb = { out, url, username, allowed, payload in
        guard let payload, let out else { return -1 }
        let state = Unmanaged<CallbackState>.fromOpaque(payload).takeUnretainedValue()
        return state.credential(
            out: out, url: url.map { String(cString: $0) }, username: username.map { String(cString: $0) },
            allowed: allowed)
    }

    /// Points libgit2 at the proxy git's settings name for this URL (none: a direct connection).
    func install(into proxy: inout git_proxy_options) {
        guard let chosen = http.proxy else { return }
        free(proxyURL)
        proxyURL = strdup(chosen)
        proxy.type = GIT_PROXY_SPECIFIED
        proxy.url = UnsafePointer(proxyURL)
        proxy.payload = Unmanaged.passUnretained(self).toOpaque()
        proxy.credentials = Self.credentialCallback
    }

    /// Warns (once per run) that certificate checks are off.
    private func acceptUnverified(host: String?) -> Int32 {
        if !warnedUnverified, Self.unverifiedWarning.claim() {
            warnedUnverified = true
            options.warning?(
                "warning: the TLS certificate of \(host ?? "the server") is not checked (\(http.verifyOffBy ?? "http.sslVerify=false")); "
                    + "anyone on the network path could read and change what is sent")
        }
        return 0
    }

    /// Fills libgit2's callback table so that every callback finds this object in `payload`.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = Self.credentialCallback
        callbacks.certificate_check = { cert, valid, host, payload in
            guard let cert, let payload else { return GIT_PASSTHROUGH.rawValue }
            let state = Unmanaged<CallbackState>.fromOpaque(payload).takeUnretainedValue()
            if cert.pointee.cert_type == GIT_CERT_X509 {
                if !state.http.verify { return state.acceptUnverified(host: host.map { String(cString: $0) }) }
                return valid != 0 ? 0 : GIT_PASSTHROUGH.rawValue
            }
            switch SSHHostKeyCheck.evaluate(
                cert, libgit2Valid: valid != 0, host: host.map { String(cString: $0) }, url: state.url)
            {
            case .passthrough: return GIT_PASSTHROUGH.rawValue
            case .accept: return 0
            case .refuse(let rejection):
                state.hostKeyRejection = rejection
                return GIT_ECERTIFICATE.rawValue
            }
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let state = Unmanaged<CallbackState>.fromOpaque(payload).takeUnretainedValue()
            state.options.progress?(
                TransferProgress(
                    receivedObjects: Int(stats.pointee.received_objects),
                    totalObjects: Int(stats.pointee.total_objects),
                    indexedDeltas: Int(stats.pointee.indexed_deltas), totalDeltas: Int(stats.pointee.total_deltas),
                    receivedBytes: Int(stats.pointee.received_bytes)))
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            guard let payload else { return 0 }
            let state = Unmanaged<CallbackState>.fromOpaque(payload).takeUnretainedValue()
            state.options.progress?(
                TransferProgress(
                    receivedObjects: Int(current), totalObjects: Int(total), indexedDeltas: 0, totalDeltas: 0,
                    receivedBytes: bytes, isPush: true))
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

    /// `error` with the refused host key attached, a transport's own diagnosis (`context.failure`) in place of
    /// libgit2's message, and every secret we handed out replaced by `***`.
    func refine(_ error: GitError, context: TransferContext? = nil) -> GitError {
        var error = libssh2Diagnosis(error) ?? error
        if let failure = context?.failure {
            error = GitError(
                operation: error.operation, code: failure.kind.code, errorClass: failure.kind.errorClass,
                message: failure.message, hostKey: failure.hostKey ?? hostKeyRejection)
        }
        var refined = error.redacting(url: url, secrets: secrets, hostKey: hostKeyRejection ?? error.hostKey)
        if hostKeyRejection != nil {
            refined = GitError(
                operation: refined.operation, code: GIT_ECERTIFICATE.rawValue, errorClass: refined.errorClass,
                message: refined.message, hostKey: hostKeyRejection)
        }
        return refined
    }

    fileprivate func credential(
        out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, url: String?, username: String?,
        allowed: UInt32
    ) -> Int32 {
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            sshAttempts += 1
            if sshAttempts > 6 { return GIT_EAUTH.rawValue }
            return sshKey(out: out, user: username ?? Self.localUser)
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            // libgit2 asks again only when the server refused what was sent.
            userPassAttempts += 1
            if userPassAttempts > 1 || (userPassAttempts == 1 && RemoteAddress(self.url ?? "").password != nil) {
                context.failure =
                    credentials.offered == nil
                    ? TransportFailure(
                        kind: .authentication,
                        message: "it refused the user name and password written in the URL")
                    : credentials.reject()
                _ = git_error_set_str(Int32(GIT_ERROR_HTTP.rawValue), context.failure!.message)
                return GIT_EAUTH.rawValue
            }
            // libgit2 passes the URL really contacted (after a redirect), which is the one git looks up.
            switch credentials.acquire(url: url ?? self.url ?? "", username: username) {
            case .success(let offer):
                let password = offer.request.password ?? ""
                secrets.append(password)
                return git_credential_userpass_plaintext_new(out, offer.request.username ?? "", password)
            case .failure(let failure):
                context.failure = failure
                _ = git_error_set_str(Int32(GIT_ERROR_HTTP.rawValue), failure.message)
                return GIT_EAUTH.rawValue
            }
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            // ssh without a user in the address logs in as the local user, as OpenSSH does.
            let isSSH = RemoteAddress(url ?? self.url ?? "").scheme == "ssh"
            return git_credential_username_new(out, username ?? (isSSH ? Self.localUser : options.tokenUser ?? "git"))
        }
        return GIT_PASSTHROUGH.rawValue
    }

    /// The agent first (when `SSH_AUTH_SOCK` is set), then `~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`.
    private func sshKey(out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, user: String) -> Int32 {
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
            lastKeyTried = (key, pub != nil)
            if git_credential_ssh_key_new(out, user, pub, key, nil) == 0 { return 0 }
        }
        _ = git_error_set_str(
            Int32(GIT_ERROR_SSH.rawValue),
            "no ssh key was accepted (tried the agent and ~/.ssh/id_ed25519, id_ecdsa, id_rsa)")
        return GIT_EAUTH.rawValue
    }
}

/// True for the first caller of `claim()` only, across threads.
final class OnceFlag: Sendable {
    private let claimed = Locked(false)

    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
