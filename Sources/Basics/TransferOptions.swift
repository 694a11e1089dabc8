/// How a fetch, clone, push or sync talks to the remote: progress reporting, warnings, and an explicit
/// HTTPS token.
///
/// Everything else is read as git reads it (GitKit's `HTTPSettings` and `HTTPCredentials`): for HTTPS the CA
/// certificates, certificate checks and proxy from git's configuration and environment, credentials from
/// the URL, then `token`, then git's credential helpers, then a prompt. For ssh the system `ssh` program
/// with the user's own configuration.
public struct TransferOptions: Sendable {
    /// Called with transfer progress (objects received on fetch and clone, objects sent on push); nil for none.
    public var progress: (@Sendable (TransferProgress) -> Void)?
    /// An HTTPS token (e.g. from an environment variable), used as the password for basic auth before any
    /// credential helper; never stored.
    public var token: String?
    /// The user name sent with `token`; defaults to the URL's user or "git".
    public var tokenUser: String?
    /// Called with a line the user should see (e.g. that certificate checks are off); nil to stay quiet.
    public var warning: (@Sendable (String) -> Void)?

    public init(
        progress: (@Sendable (TransferProgress) -> Void)? = nil, token: String? = nil, tokenUser: String? = nil,
        warning: (@Sendable (String) -> Void)? = nil
    ) {
        self.progress = progress
        self.token = token
        self.tokenUser = tokenUser
        self.warning = warning
    }
}
