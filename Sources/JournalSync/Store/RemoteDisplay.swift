import Foundation
import GitKit

/// Shows remote URLs without the passwords or tokens they may carry.
public enum RemoteDisplay {
    /// `https://user:secret@host/x` becomes `https://user@host/x`; a token used as an HTTP(S) user name
    /// (`https://TOKEN@host/x`, 20 characters or more) becomes `***`.
    public static func redacted(_ url: String) -> String {
        RemoteAddress.redacted(url)
    }

    /// `text` with the URL's password and every secret replaced by `***`, and the URL shown redacted.
    public static func scrub(_ text: String, url: String, secrets: [String]) -> String {
        var out = text.replacingOccurrences(of: url, with: redacted(url))
        var hidden = secrets
        hidden += RemoteAddress.secrets(in: url)
        for secret in hidden where secret.count >= 3 {
            out = out.replacingOccurrences(of: secret, with: "***")
        }
        return out
    }

    /// The password part of a URL's user info, if any.
    static func password(in url: String) -> String? {
        RemoteAddress(url).password.flatMap { $0.isEmpty ? nil : $0 }
    }
}
