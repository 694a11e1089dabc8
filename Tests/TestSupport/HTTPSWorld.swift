import Foundation
import Testing

/// A journal served over HTTPS by nginx + `git http-backend` (`TLSGitServer`) with a throwaway CA, seeded
/// by a teammate through the bare repository's path, and people who each get their own HOME: everything
/// a test of git's HTTPS settings needs, with the git CLI as the witness in the same HOME.
public struct HTTPSWorld {
    public static let user = "alice"
    public static let token = "tok-Https-7c6b5a4d3e2f"

    public let transport: TransportTeam
    public let authority: TestCertificateAuthority
    public let server: TLSGitServer

    public init() throws {
        transport = try TransportTeam()
        authority = try TestCertificateAuthority(folder: transport.folder.sub("ca"))
        server = try TLSGitServer(
            projectRoot: transport.served, user: Self.user, token: Self.token,
            authority: authority, folder: transport.folder.sub("nginx"),
            sandbox: transport.team.witness)
        // The journal exists on the server before anyone clones it over HTTPS.
        let seed = try transport.person("seed")
        try transport.initJournal(seed, url: transport.bareRepo)
        let pushed = seed.baton(["sync"])
        try #require(pushed.status == 0, "seeding the served journal failed:\n\(pushed)")
    }

    public var folder: TemporaryFolder { transport.folder }
    /// The journal's HTTPS URL. By name, not by address: libgit2 1.5's mbedTLS checks a certificate's DNS names
    /// only, not its IP addresses, so `https://127.0.0.1` never verifies (git with OpenSSL accepts either).
    public var url: String { server.url(for: "journal", host: Self.host) }
    public static let host = "localhost"
    /// `localhost:PORT`, as the credential protocol's `host` names the server.
    public var hostAndPort: String { "\(Self.host):\(server.port)" }

    /// A credential helper (shell text) that answers `get` with `user` and `password`.
    public static func answeringHelper(user: String = user, password: String = token) -> String {
        "!f() { test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' '\(user)' '\(password)'; true; }; f"
    }

    /// A person whose global git config holds `settings` (`git config --global KEY VALUE`, in order).
    public func person(_ handle: String, _ settings: [(String, String)] = []) throws -> Person {
        let person = try transport.person(handle)
        for (key, value) in settings {
            try person.git.check(["config", "--global", "--add", key, value], in: person.sandbox.home)
        }
        return person
    }

    /// `baton clone URL handle` in the team folder.
    public func clone(
        _ person: Person, url: String? = nil, env: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> CommandResult {
        transport.clone(person, url: url ?? self.url, env: env, sourceLocation: sourceLocation)
    }

    /// `git ls-remote URL` as `person`, the witness of what git makes of the same settings.
    public func gitLsRemote(_ person: Person, url: String? = nil, env: [String: String] = [:]) -> CommandResult {
        person.git.run(["ls-remote", url ?? self.url], in: person.sandbox.home, env: env)
    }

    /// A helper script at an absolute path that logs each call (`ACTION key=value ...`) to `log` and answers
    /// `get` with the password in `passwordFile` (nothing when that file is missing).
    public func loggingHelper(named name: String, log: String, passwordFile: String) throws -> String {
        let path = folder.sub("bin/\(name)")
        try Files.write(
            """
            #!/bin/sh
            input=$(cat)
            printf '%s %s\\n' "$1" "$(printf '%s' "$input" | tr '\\n' ' ' | sed 's/ *$//')" >> '\(log)'
            if [ "$1" = get ] && [ -f '\(passwordFile)' ]; then
                printf 'username=\(Self.user)\\npassword=%s\\n' "$(cat '\(passwordFile)')"
            fi

            """, to: path, executable: true)
        return path
    }

    /// The actions a logging helper saw, in order (`get`, `store`, `erase`).
    public static func actions(in log: String) -> [String] {
        (Files.read(log) ?? "").split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
    }

    public func stop() { server.stop() }
}
