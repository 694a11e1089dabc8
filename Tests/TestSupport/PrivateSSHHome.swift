import Foundation
import Testing

/// Runs programs so that OpenSSH sees a private `~/.ssh`: OpenSSH takes the home folder from the passwd
/// entry, not `$HOME`, so each wrapper runs its program in its own mount namespace where a copy of
/// `/etc/passwd` naming `home` as the current user's home is bind-mounted over the real one, in a new session
/// (no controlling terminal, so ssh cannot prompt). Nothing outside the test's folder is written.
/// `libssh2Only` instead runs baton with a `PATH` that has no ssh program at all (libgit2's fallback).
public struct PrivateSSHHome {
    public let home: String
    /// `bin/` holding the wrappers.
    public let bin: String
    public let passwd: String

    public static let unshare = ProcessRunner.which("unshare") ?? "/usr/bin/unshare"
    public static let setsid = ProcessRunner.which("setsid") ?? "/usr/bin/setsid"

    /// Whether this machine can make mount namespaces (root, util-linux's unshare and setsid, and a kernel or
    /// container that allows it: checked once by running `unshare --mount true`).
    public static let available: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: unshare),
            FileManager.default.isExecutableFile(atPath: setsid)
        else { return false }
        let probe = ProcessRunner.run(
            executable: unshare, arguments: ["--mount", "--propagation", "private", "true"], directory: "/",
            environment: ["PATH": "/usr/bin:/bin"], timeout: 10)
        return probe.status == 0
    }()

    /// Prepares wrappers in `folder` for a person whose HOME is `home`.
    public init(home: String, folder: String) throws {
        self.home = home
        bin = (folder as NSString).appendingPathComponent("bin")
        passwd = (folder as NSString).appendingPathComponent("passwd")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let user = SSHServer.userName
        let original = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        var replaced = false
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7, fields[0] == user else { return String(line) }
            fields[5] = home
            replaced = true
            return fields.joined(separator: ":")
        }
        guard replaced else { throw HarnessError("no passwd line for \(user)") }
        try Files.write(lines.joined(separator: "\n"), to: passwd)
        let ssh = (home as NSString).appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: ssh)
    }

    /// A script in `bin/` that runs `executable` with its arguments under the private passwd entry.
    /// `newSession: false` keeps the caller's session and terminal (for a test that gives it one).
    public func wrapper(
        named name: String, for executable: String, extraEnvironment: [String: String] = [:], newSession: Bool = true
    ) throws -> String {
        let path = (bin as NSString).appendingPathComponent(name)
        let exports = extraEnvironment.sorted { $0.key < $1.key }
            .map { "export \($0.key)=\(Self.quoted($0.value))\n" }.joined()
        try Files.write(
            """
            #!/bin/sh
            \(exports)exec \(newSession ? "\(Self.setsid) --wait " : "")\(Self.unshare) --mount --propagation private \
            sh -c 'mount --bind "$0" /etc/passwd && exec "$@"' \(Self.quoted(passwd)) \(Self.quoted(executable)) "$@"

            """, to: path, executable: true)
        return path
    }

    /// `person` running baton through `wrapper`.
    public func person(_ person: Person, extraEnvironment: [String: String] = [:]) throws -> Person {
        let baton = try wrapper(
            named: "baton-\(person.handle)", for: person.executable, extraEnvironment: extraEnvironment)
        return Person(handle: person.handle, journal: person.journal, executable: baton, sandbox: person.sandbox)
    }

    /// The git CLI under the same passwd entry, with `person`'s environment.
    public func git(_ args: [String], as person: Person, in dir: String, env: [String: String] = [:]) throws
        -> CommandResult
    {
        let git = try wrapper(named: "git", for: Git.executable)
        return ProcessRunner.run(
            executable: git, arguments: args, directory: dir, environment: person.sandbox.variables(env), timeout: 60)
    }

    /// `person` running baton with a `PATH` that has no ssh program (only an empty folder), so libgit2's own
    /// libssh2 transport is used.
    public static func libssh2Only(_ person: Person, folder: String) throws -> Person {
        let empty = (folder as NSString).appendingPathComponent("no-ssh-bin")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("baton-libssh2-\(person.handle)")
        try Files.write(
            "#!/bin/sh\nPATH=\(quoted(empty)) exec \(quoted(person.executable)) \"$@\"\n", to: path, executable: true)
        return Person(handle: person.handle, journal: person.journal, executable: path, sandbox: person.sandbox)
    }

    public static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
