import Foundation

/// The credential helpers git would run for a URL, in order, and the running of them: `credential.helper`
/// and every matching `credential.<url>.helper`, in config order (an empty value clears the list so far).
/// `!command` runs as shell text, an absolute path as is, any other NAME as `git credential-NAME` (the
/// credential protocol, the one git program baton runs: it is how helpers such as `store`, `cache`,
/// `libsecret` and Git Credential Manager are installed), each with the action appended.
struct CredentialHelpers {
    let helpers: [String]
    /// `credential.useHttpPath` for this URL.
    let useHTTPPath: Bool
    /// `credential.username` for this URL.
    let username: String?

    /// The helpers and settings for `url` in `config`.
    init(url: String, config: GitConfigSnapshot?) {
        let entries = config?.entries(withPrefix: "credential.") ?? []
        self.init(url: url, entries: entries)
    }

    init(url: String, entries: [GitConfigSnapshot.Entry]) {
        let request = CredentialRequest(url: url, useHTTPPath: true)
        var helpers: [String] = []
        var settings: [String: [(pattern: String?, value: String)]] = [:]
        for entry in entries {
            guard let lastDot = entry.name.lastIndex(of: ".") else { continue }
            let key = entry.name[entry.name.index(after: lastDot)...].lowercased()
            let middle = entry.name.dropFirst("credential.".count).dropLast(key.count + 1)
            let pattern = middle.isEmpty ? nil : String(middle)
            if let pattern, URLMatch.match(pattern: pattern, url: request.matchURL) == nil { continue }
            if key == "helper" {
                if entry.value.trimmingCharacters(in: .whitespaces).isEmpty {
                    helpers.removeAll()
                } else {
                    helpers.append(entry.value)
                }
            } else {
                settings[key, default: []].append((pattern, entry.value))
            }
        }
        self.helpers = helpers
        useHTTPPath =
            URLMatch.best(settings["usehttppath"] ?? [], url: request.matchURL).flatMap(GitBool.parse) ?? false
        username = URLMatch.best(settings["username"] ?? [], url: request.matchURL)
    }

    /// The shell text git runs for `helper` and `action` (`get`, `store`, `erase`).
    static func command(for helper: String, action: String) -> String {
        let trimmed = helper.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("!") { return String(trimmed.dropFirst()) + " " + action }
        if trimmed.hasPrefix("/") { return trimmed + " " + action }
        return "git credential-\(trimmed) \(action)"
    }

    /// Asks each helper in turn; the first answer with both a user name and a password wins. A helper's
    /// `quit=1` stops the search. The answer's `helper` is the one that gave it.
    func get(_ request: CredentialRequest) -> (request: CredentialRequest, helper: String)? {
        var request = request
        for helper in helpers {
            guard
                let result = ShellCommand.run(
                    Self.command(for: helper, action: "get"), input: Data(request.protocolText.utf8))
            else { continue }
            let answer = CredentialRequest.parseAnswer(String(decoding: result.output, as: UTF8.self))
            if let user = answer.username, !user.isEmpty { request.username = user }
            if let password = answer.password { request.password = password }
            if request.username != nil, request.password != nil { return (request, helper) }
            if answer.quit { return nil }
        }
        return nil
    }

    /// Tells every helper that `request` worked (`store`).
    func store(_ request: CredentialRequest) {
        guard request.username != nil, request.password != nil else { return }
        run("store", request)
    }

    /// Tells every helper that `request` was refused (`erase`).
    func erase(_ request: CredentialRequest) {
        run("erase", request)
    }

    private func run(_ action: String, _ request: CredentialRequest) {
        for helper in helpers {
            _ = ShellCommand.run(Self.command(for: helper, action: action), input: Data(request.protocolText.utf8))
        }
    }
}
