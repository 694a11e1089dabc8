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
}
