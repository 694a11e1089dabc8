import Foundation

/// The parts of a remote's address that transports and messages need: scheme, user, password,
/// host and port. Understands `scheme://[user[:password]@]host[:port]/path`, scp-like
/// `[user@]host:path` (ssh) and plain paths.
public struct RemoteAddress: Sendable, Equatable {
    /// Lower-case scheme: `ssh`, `https`, `http`, `git`, `file`; `ssh` for scp-like addresses, `file` for paths.
    public var scheme: String
    public var user: String?
    public var password: String?
    /// Lower-case host name or address (IPv6 without brackets); nil for paths.
    public var host: String?
    /// The port written in the address, if any.
    public var port: Int?

    public init(scheme: String, user: String? = nil, password: String? = nil, host: String? = nil, port: Int? = nil) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
    }

    /// Parses `url`; user and password are percent-decoded.
    public init(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else {
            self.init(scpLike: url)
            return
        }
        var scheme = url[..<schemeEnd.lowerBound].lowercased()
        if scheme == "git+ssh" || scheme == "ssh+git" { scheme = "ssh" }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]
        var user: String?
        var password: String?
        var hostPort = Substring(authority)
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = Self.decode(info[..<colon])
                password = Self.decode(info[info.index(after: colon)...])
            } else {
                user = Self.decode(info)
            }
        }
        let (host, port) = Self.splitHostPort(hostPort)
        self.init(scheme: scheme, user: user, password: password, host: host, port: port)
    }

    private init(scpLike url: String) {
        // `user@host:path` (no slash before the first colon) is ssh; anything else is a path.
        guard let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/"),
            url.distance(from: url.startIndex, to: colon) > 1
        else {
            self.init(scheme: "file")
            return
        }
        let authority = url[..<colon]
        if let at = authority.lastIndex(of: "@") {
            self.init(
                scheme: "ssh", user: Self.decode(authority[..<at]),
                host: authority[authority.index(after: at)...].lowercased().trimmingCharacters(
                    in: CharacterSet(charactersIn: "[]")))
        } else {
            self.init(
                scheme: "ssh", host: authority.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
        }
    }

    /// The port in use: the written one or the scheme's default.
    public var effectivePort: Int {
        if let port { return port }
        switch scheme {
        case "ssh": return 22
        case "https": return 443
        case "http": return 80
        case "git": return 9418
        default: return 0
        }
    }

    /// How `known_hosts` and `ssh-keygen -R` name this host: `host` on port 22, `[host]:port` otherwise.
    public var knownHostsName: String {
        let host = host ?? ""
        return effectivePort == 22 ? host : "[\(host)]:\(effectivePort)"
    }

    /// `url` without its password, and without a user name that looks like a token (an HTTP(S) user name
    /// of 20 or more characters with no password, as `https://TOKEN@host/x` is a common way to pass one).
    /// `https://user:secret@host/x` becomes `https://user@host/x`.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let authority = afterScheme[..<hostEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let info = authority[..<at]
        var user =
            info.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        if !info.contains(":"), scheme == "http" || scheme == "https", user.count >= 20 { user = "***" }
        return String(url[..<schemeEnd.upperBound]) + user + String(authority[at...]) + String(afterScheme[hostEnd...])
    }

    /// Secrets `url` carries: its password (as written and decoded), or a token used as user name.
    public static func secrets(in url: String) -> [String] {
        var found: [String] = []
        guard let schemeEnd = url.range(of: "://") else { return [] }
        let afterScheme = url[schemeEnd.upperBound...]
        let authority = afterScheme[..<(afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex)]
        guard let at = authority.lastIndex(of: "@") else { return [] }
        let parts = authority[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(
            String.init)
        if parts.count == 2 {
            found.append(parts[1])
        } else if redacted(url) != url, let user = parts.first {
            found.append(user)
        }
        for secret in found {
            if let decoded = secret.removingPercentEncoding, decoded != secret { found.append(decoded) }
        }
        return found.filter { !$0.isEmpty }
    }

    private static func decode(_ text: Substring) -> String {
        String(text).removingPercentEncoding ?? String(text)
    }

    private static func splitHostPort(_ text: Substring) -> (String?, Int?) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = text[text.index(after: text.startIndex)..<close].lowercased()
            let after = text[text.index(after: close)...]
            return (host, after.hasPrefix(":") ? Int(after.dropFirst()) : nil)
        }
        if let colon = text.lastIndex(of: ":") {
            return (text[..<colon].lowercased(), Int(text[text.index(after: colon)...]))
        }
        return (text.isEmpty ? nil : text.lowercased(), nil)
    }
}
