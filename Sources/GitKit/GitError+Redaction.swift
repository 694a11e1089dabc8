extension GitError {
    /// This error with `url` shown without its password or token, and every secret (passwords, tokens,
    /// at least 3 characters) replaced by `***`; `hostKey` attached when given. The one redaction of
    /// remote addresses and secrets in error text: the layers above call this, never their own.
    public func redacting(url: String?, secrets: [String], hostKey: HostKeyRejection? = nil) -> GitError {
        GitError(
            operation: Self.redacting(operation, url: url, secrets: secrets),
            code: code, errorClass: errorClass, message: Self.redacting(message, url: url, secrets: secrets),
            hostKey: hostKey ?? self.hostKey, kind: assignedKind)
    }

    /// `text` with `url` shown redacted (`RemoteAddress.redacted`) and the URL's password and every
    /// secret of at least 3 characters replaced by `***`.
    public static func redacting(_ text: String, url: String?, secrets: [String]) -> String {
        var hidden = secrets
        if let url { hidden += RemoteAddress.secrets(in: url) }
        var out = text
        if let url { out = out.replacingOccurrences(of: url, with: RemoteAddress.redacted(url)) }
        for secret in hidden where secret.count >= 3 { out = out.replacingOccurrences(of: secret, with: "***") }
        return out
    }
}
