extension GitError {
    /// This error with `url` shown without its password or token, and every secret (passwords, tokens,
    /// at least 3 characters) replaced by `***`; `hostKey` attached when given.
    func redacting(url: String?, secrets: [String], hostKey: HostKeyRejection? = nil) -> GitError {
        var hidden = secrets
        if let url { hidden += RemoteAddress.secrets(in: url) }
        func clean(_ text: String) -> String {
            var out = text
            if let url { out = out.replacingOccurrences(of: url, with: RemoteAddress.redacted(url)) }
            for secret in hidden where secret.count >= 3 { out = out.replacingOccurrences(of: secret, with: "***") }
            return out
        }
        return GitError(
            operation: clean(operation), code: code, errorClass: errorClass, message: clean(message),
            hostKey: hostKey ?? self.hostKey)
    }
}
