import Foundation

/// One exchange of git's credential protocol (gitcredentials(7), git-credential(1)): the attributes
/// `protocol`, `host` (with `:port` when the URL names one), `path`, `username`, `password`, written
/// as `key=value` lines, and what a helper answers in the same form.
struct CredentialRequest: Equatable {
    var scheme: String
    var host: String
    var path: String?
    var username: String?
    var password: String?

    /// The request for `url`; the path is kept only when `useHTTPPath` (or for non-HTTP schemes).
    init(url: String, useHTTPPath: Bool) {
        let address = RemoteAddress(url)
        scheme = address.scheme
        var host = address.host ?? ""
        if host.contains(":") { host = "[\(host)]" }
        if let port = address.port { host += ":\(port)" }
        self.host = host
        username = address.user.flatMap { $0.isEmpty ? nil : $0 }
        let parts = URLMatch.Parts(url)
        var path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        if path.hasSuffix("/") { path.removeLast() }
        let isHTTP = scheme == "http" || scheme == "https"
        self.path = (!isHTTP || useHTTPPath) && !path.isEmpty ? path : nil
    }

    /// `scheme://host/path` without credentials, the URL git matches `credential.<url>.*` against.
    var matchURL: String {
        "\(scheme)://\(username.map { Self.encode($0) + "@" } ?? "")\(host)/\(path ?? "")"
    }

    /// How prompts and messages name it: `https://host` or `https://user@host`.
    func display(withUser: Bool) -> String {
        "\(scheme)://\(withUser ? (username.map { $0 + "@" } ?? "") : "")\(host)"
    }

    /// The protocol text sent to a helper (values with a newline or NUL are dropped, as git refuses them).
    var protocolText: String {
        var lines = ["protocol=\(scheme)", "host=\(host)"]
        if let path { lines.append("path=\(path)") }
        if let username { lines.append("username=\(username)") }
        if let password { lines.append("password=\(password)") }
        return lines.filter { !$0.contains("\n") && !$0.contains("\0") }.joined(separator: "\n") + "\n\n"
    }

    /// What a helper's `get` answered.
    struct Answer: Equatable {
        var username: String?
        var password: String?
        var quit = false
    }

    /// Reads `key=value` lines up to the first empty line.
    static func parseAnswer(_ text: String) -> Answer {
        var answer = Answer()
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty { break }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals]
            let value = String(line[line.index(after: equals)...])
            switch key {
            case "username": answer.username = value
            case "password": answer.password = value
            case "quit": answer.quit = GitBool.parse(value) ?? false
            default: break
            }
        }
        return answer
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? text
    }
}
