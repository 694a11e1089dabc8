import CGit2
import Foundation

/// HTTPS credentials saved by git's `store` credential helper, found the way git finds them but without
/// running git: every `credential.helper` value `store` (or `store --file X`) names a file of lines like
/// `https://user:token@host`; without `--file`, `~/.git-credentials` then `$XDG_CONFIG_HOME/git/credentials`.
/// Other helpers (cache, libsecret, osxkeychain) need git itself and are skipped.
struct GitCredentialStore {
    /// A user name and password (or token) for one host.
    struct Credential: Equatable {
        var user: String
        var password: String
    }

    /// The files to read, in order, for these `credential.helper` values (in config order; an empty value
    /// clears the ones before it, as in git).
    static func files(helpers: [String], environment: [String: String]) -> [String] {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let xdg = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        var active: [String] = []
        for value in helpers {
            if value.trimmingCharacters(in: .whitespaces).isEmpty { active.removeAll() } else { active.append(value) }
        }
        var files: [String] = []
        for helper in active {
            let words = helper.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let name = words.first, name == "store" || name == "git-credential-store" || name.hasSuffix("/git-credential-store")
            else { continue }
            var file: String?
            var index = 1
            while index < words.count {
                if words[index] == "--file", index + 1 < words.count {
                    file = words[index + 1]
                    index += 1
                } else if words[index].hasPrefix("--file=") {
                    file = String(words[index].dropFirst("--file=".count))
                }
                index += 1
            }
            if let file {
                files.append(file.hasPrefix("~/") ? home + file.dropFirst(1) : file)
            } else {
                files += [home + "/.git-credentials", xdg + "/git/credentials"]
            }
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }

    /// The first stored credential for `url`'s scheme, host and port (and user, when the URL names one).
    static func lookup(url: String, files: [String]) -> Credential? {
        let want = RemoteAddress(url)
        guard let host = want.host else { return nil }
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.contains("://") else { continue }
                let have = RemoteAddress(trimmed)
                guard have.scheme == want.scheme, have.host == host, have.effectivePort == want.effectivePort,
                    let user = have.user, let password = have.password
                else { continue }
                if let wantedUser = want.user, wantedUser != user { continue }
                return Credential(user: user, password: password)
            }
        }
        return nil
    }

    /// The `credential.helper` values in `config` (an open libgit2 config), in order.
    static func helpers(in config: OpaquePointer) -> [String] {
        var iterator: OpaquePointer?
        guard git_config_multivar_iterator_new(&iterator, config, "credential.helper", nil) == 0 else { return [] }
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0 {
            if let value = entry?.pointee.value { values.append(String(cString: value)) }
        }
        return values
    }

    /// Looks `url` up with the helpers configured for `repository` (its local config, then global and system),
    /// or git's default config files when there is no repository yet (clone).
    static func lookup(url: String, repository: OpaquePointer?) -> Credential? {
        var config: OpaquePointer?
        let status = repository.map { git_repository_config_snapshot(&config, $0) } ?? git_config_open_default(&config)
        guard status == 0, let config else { return nil }
        defer { git_config_free(config) }
        let files = files(helpers: helpers(in: config), environment: ProcessInfo.processInfo.environment)
        return lookup(url: url, files: files)
    }
}
