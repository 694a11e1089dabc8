import Foundation

/// Shows remote URLs without the passwords or tokens they may carry.
public enum RemoteDisplay {
    /// `https://user:secret@host/x` becomes `https://user@host/x`.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let authority = afterScheme[..<hostEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let userInfo = authority[..<at]
        let user = userInfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return String(url[..<schemeEnd.upperBound]) + user + String(authority[at...]) + String(afterScheme[hostEnd...])
    }

    /// `text` with the URL's password and every secret replaced by `***`, and the URL shown redacted.
    public static func scrub(_ text: String, url: String, secrets: [String]) -> String {
        var out = text.replacingOccurrences(of: url, with: redacted(url))
        var hidden = secrets
        if let password = password(in: url) { hidden.append(password) }
        for secret in hidden where secret.count >= 3 {
            out = out.replacingOccurrences(of: secret, with: "***")
        }
        return out
    }

    /// The password part of a URL's user info, if any.
    static func password(in url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let authority = afterScheme[..<(afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex)]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let parts = authority[..<at].split(separator: ":", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }
}
