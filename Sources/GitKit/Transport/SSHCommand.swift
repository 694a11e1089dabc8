import Foundation

/// The command git runs to reach an ssh remote, built by git's rules (connect.c): the program from
/// `GIT_SSH_COMMAND`, else `core.sshCommand` (both through `sh -c`), else `GIT_SSH` (a program, no shell),
/// else `ssh` on `PATH`; its option style from `GIT_SSH_VARIANT` / `ssh.variant` or the program's name; then
/// `[user@]host` and one argument `git-upload-pack '/path'` (or `git-receive-pack`).
public struct SSHCommand: Sendable, Equatable {
    /// Which service the remote end runs.
    public enum Service: String, Sendable {
        case uploadPack = "git-upload-pack"
        case receivePack = "git-receive-pack"
    }

    /// How the program takes a port (git's `ssh.variant`).
    public enum Variant: String, Sendable {
        /// OpenSSH: `-p PORT`.
        case ssh
        /// PuTTY's plink: `-P PORT`.
        case plink
        case putty
        /// TortoisePlink: `-batch -P PORT`.
        case tortoiseplink
        /// Only `[user@]host command`: no port option.
        case simple
    }

    /// Why no command could be built.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The program to run: a path, or a name looked up on `PATH` when it is run.
    public var program: String
    /// `argv[0]`.
    public var argv0: String
    /// What runs the user's command through the shell (`-c 'CMD "$@"' CMD`), or nothing.
    public var shellPrefix: [String]
    /// Port (and TortoisePlink's `-batch`) options.
    public var options: [String]
    /// `[user@]host`.
    public var destination: String
    /// `git-upload-pack '/path'` or `git-receive-pack '/path'`, one argument.
    public var remoteCommand: String
    /// The host as written in the URL (an alias in `~/.ssh/config` is passed on as written).
    public var host: String
    public var port: Int?
    public var variant: Variant

    /// `argv[1...]`.
    public var arguments: [String] { shellPrefix + options + [destination, remoteCommand] }

    /// The full argument vector, `argv0` first.
    public var argv: [String] { [argv0] + arguments }

    /// `ssh -G [-p PORT] [user@]host` with the same program: OpenSSH prints the configuration it would use
    /// (the real host name and port behind a `~/.ssh/config` alias). Nil for other variants.
    public var configurationQuery: [String]? {
        variant == .ssh ? [argv0] + shellPrefix + ["-G"] + options + [destination] : nil
    }

    /// The command for `service` on `url`, or nil when the URL is not an ssh address or no ssh program is
    /// configured or found on `PATH`. `config` reads git config values (`core.sshcommand`, `ssh.variant`).
    public static func make(
        url: String, service: Service, environment: [String: String], config: (String) -> String?,
        isExecutable: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
    ) throws -> SSHCommand? {
        guard let target = try SSHTarget(url) else { return nil }
        let remoteCommand = "\(service.rawValue) \(shellQuoted(target.path))"
        let variantOverride = nonEmpty(environment["GIT_SSH_VARIANT"]) ?? nonEmpty(config("ssh.variant"))

        var program: String
        var leading: [String] = []
        var argv0: String
        var named: String
        if let command = nonEmpty(environment["GIT_SSH_COMMAND"]) ?? nonEmpty(config("core.sshcommand")) {
            program = "/bin/sh"
            argv0 = "sh"
            leading = ["-c", command + " \"$@\"", command]
            named = firstWord(command)
        } else if let ssh = nonEmpty(environment["GIT_SSH"]) {
            program = ssh
            argv0 = ssh
            named = ssh
        } else {
            guard let found = findOnPath("ssh", path: environment["PATH"], isExecutable: isExecutable) else {
                return nil
            }
            program = found
            argv0 = "ssh"
            named = "ssh"
        }
        let variant = try variantOverride.map(parseVariant) ?? variant(forProgram: named)

        var options: [String] = []
        if variant == .tortoiseplink { options.append("-batch") }
        if let port = target.port {
            switch variant {
            case .ssh: options += ["-p", String(port)]
            case .plink, .putty, .tortoiseplink: options += ["-P", String(port)]
            case .simple:
                throw Refusal(message: "ssh variant 'simple' does not support setting a port (\(target.host):\(port))")
            }
        }
        let destination = target.user.map { "\($0)@\(target.host)" } ?? target.host
        if program.isEmpty { program = "ssh" }
        return SSHCommand(
            program: program, argv0: argv0, shellPrefix: leading, options: options, destination: destination,
            remoteCommand: remoteCommand, host: target.host, port: target.port, variant: variant)
    }

    /// The command for `url` with git configuration from `snapshot` (the process environment by default).
    static func make(
        url: String, service: Service, config snapshot: GitConfigSnapshot?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> SSHCommand? {
        try make(url: url, service: service, environment: environment, config: { snapshot?.string($0) })
    }

    /// `text` in single quotes the way git's `sq_quote_buf` writes it: `'` and `!` closed, escaped, reopened.
    public static func shellQuoted(_ text: String) -> String {
        var out = "'"
        for character in text {
            if character == "'" || character == "!" {
                out += "'\\\(character)'"
            } else {
                out.append(character)
            }
        }
        return out + "'"
    }

    /// git's automatic variant: by the program's base name, `ssh` (OpenSSH) for anything it does not know.
    static func variant(forProgram program: String) -> Variant {
        var name = (program as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".exe") { name.removeLast(4) }
        switch name {
        case "plink": return .plink
        case "tortoiseplink": return .tortoiseplink
        default: return .ssh
        }
    }

    private static func parseVariant(_ text: String) throws -> Variant {
        let lowered = text.lowercased()
        if lowered == "auto" { return .ssh }
        guard let variant = Variant(rawValue: lowered) else {
            throw Refusal(
                message:
                    "unknown ssh variant '\(text)' (ssh.variant or GIT_SSH_VARIANT): "
                    + "use ssh, plink, putty, tortoiseplink or simple"
            )
        }
        return variant
    }

    /// The first word of a shell command, for choosing the variant (git splits the command the same way).
    private static func firstWord(_ command: String) -> String {
        let trimmed = command.trimmingCharacters(in: .whitespaces)
        var word = ""
        var quote: Character?
        for character in trimmed {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == " " || character == "\t" {
                break
            } else {
                word.append(character)
            }
        }
        return word
    }

    /// `name` in the first `PATH` folder that has it executable.
    static func findOnPath(_ name: String, path: String?, isExecutable: (String) -> Bool) -> String? {
        if name.contains("/") { return isExecutable(name) ? name : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

/// The user, host, port and path of an ssh address as git's connect.c reads them.
struct SSHTarget: Equatable {
    var user: String?
    var host: String
    var port: Int?
    var path: String

    /// Parses `ssh://`, `ssh+git://`, `git+ssh://` URLs and scp-like `[user@]host:path`; nil for anything else.
    /// Throws for a user, host or path that ssh would read as an option.
    init?(_ url: String) throws {
        var user: String?
        var hostPort: Substring
        var path: String
        var isURL = false
        if let schemeEnd = url.range(of: "://") {
            let scheme = url[..<schemeEnd.lowerBound].lowercased()
            guard ["ssh", "ssh+git", "git+ssh"].contains(scheme) else { return nil }
            isURL = true
            let rest = url[schemeEnd.upperBound...]
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<slash]
            path = String(rest[slash...])
            if let at = authority.lastIndex(of: "@") {
                user = Self.decode(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            hostPort = authority
            // git: an ssh URL's `/~user/x` names a home folder, `~user/x`.
            if path.hasPrefix("/~") { path.removeFirst() }
        } else {
            guard let colon = Self.scpColon(url) else { return nil }
            var authority = url[..<colon]
            path = String(url[url.index(after: colon)...])
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            hostPort = authority
        }
        var host = String(hostPort)
        var port: Int?
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            // `[host:port]:path` (scp-like with a port, as git allows).
            if !isURL, port == nil, host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
                port = Int(host[host.index(after: colon)...])
                host = String(host[..<colon])
            }
        } else if isURL, let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            let written = hostPort[hostPort.index(after: colon)...]
            if !written.isEmpty {
                guard let number = Int(written), number > 0, number < 65536 else {
                    throw SSHCommand.Refusal(message: "invalid port '\(written)' in the ssh address")
                }
                port = number
            }
        }
        if isURL { host = Self.decode(Substring(host)) }
        if isURL, path.isEmpty { path = "/" }
        if host.isEmpty { throw SSHCommand.Refusal(message: "the ssh address names no host") }
        if host.hasPrefix("-") {
            throw SSHCommand.Refusal(
                message: "refused the ssh host '\(host)': it starts with '-' and ssh would read it as an option")
        }
        if let user, user.hasPrefix("-") {
            throw SSHCommand.Refusal(
                message: "refused the ssh user '\(user)': it starts with '-' and ssh would read it as an option")
        }
        if path.hasPrefix("-") {
            throw SSHCommand.Refusal(message: "refused the ssh path '\(path)': it starts with '-'")
        }
        self.user = user
        self.host = host
        self.port = port
        self.path = path
    }

    /// The colon of `host:path` when `url` is scp-like (a colon before any slash, outside `[...]`).
    private static func scpColon(_ url: String) -> String.Index? {
        var inBrackets = false
        for index in url.indices {
            switch url[index] {
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "/": return nil
            case ":" where !inBrackets: return index == url.startIndex ? nil : index
            default: break
            }
        }
        return nil
    }

    private static func decode(_ text: Substring) -> String {
        String(text).removingPercentEncoding ?? String(text)
    }
}
