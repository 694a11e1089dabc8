import Foundation

/// A throwaway OpenSSH server on 127.0.0.1 and a free port, for the current user (root in CI): its own
/// ed25519 host key and config in `folder`, key login only for the keys in `authorizedKeys`.
/// `/usr/sbin/sshd -D -f CONFIG -E LOG`; `stop()` (also on release) terminates and waits for it.
public final class SSHServer: @unchecked Sendable {
    public let folder: String
    public let port: UInt16
    /// `ssh-ed25519 AAAA…` of the host key, as `known_hosts` lists it.
    public let hostPublicKey: String
    public let logPath: String
    private let child: ChildProcess

    public static let sshd = "/usr/sbin/sshd"

    /// Whether this machine can run the server (sshd and ssh-keygen installed, running as root).
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: sshd) && ProcessRunner.which("ssh-keygen") != nil && getuid() == 0
    }

    /// The user name to log in as (the current user).
    public static var userName: String {
        guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return "root" }
        return String(cString: name)
    }

    /// Generates a host key in `folder` and starts sshd; `authorizedKeys` are the public key lines allowed in.
    public init(folder: String, authorizedKeys: [String], sandbox: Sandbox) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let hostKey = (folder as NSString).appendingPathComponent("ssh_host_ed25519_key")
        try SSHKeys.generate(at: hostKey, comment: "baton-test-host", sandbox: sandbox)
        hostPublicKey = try SSHKeys.publicKey(of: hostKey)
        let authorized = (folder as NSString).appendingPathComponent("authorized_keys")
        try Files.write(authorizedKeys.joined(separator: "\n") + "\n", to: authorized)
        logPath = (folder as NSString).appendingPathComponent("sshd.log")

        var lastError: Error = HarnessError("sshd never started")
        for _ in 0..<6 {
            let candidate = try LocalPorts.freePort()
            let config = (folder as NSString).appendingPathComponent("sshd_config")
            try Files.write(
                """
                Port \(candidate)
                ListenAddress 127.0.0.1
                HostKey \(hostKey)
                AuthorizedKeysFile \(authorized)
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                PermitRootLogin prohibit-password
                StrictModes no
                UsePAM no
                PidFile \((folder as NSString).appendingPathComponent("sshd.pid"))
                LogLevel VERBOSE

                """, to: config)
            do {
                let started = try ChildProcess.spawn(
                    executable: Self.sshd, arguments: ["-D", "-f", config, "-E", logPath], directory: folder,
                    environment: sandbox.variables(), stdinPath: nil, stdoutPath: logPath, stderrPath: logPath,
                    append: true)
                if try Self.waitForListening(started, port: candidate, log: logPath) {
                    child = started
                    port = candidate
                    return
                }
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// `ssh://USER@127.0.0.1:PORT/abs/path`.
    public func url(path: String) -> String {
        "ssh://\(Self.userName)@127.0.0.1:\(port)\(path.hasPrefix("/") ? path : "/" + path)"
    }

    /// The `known_hosts` line that trusts this server.
    public var knownHostsLine: String { "[127.0.0.1]:\(port) \(hostPublicKey)" }

    /// Terminates sshd (and its sessions) and waits; idempotent.
    public func stop() {
        child.stop(grace: 5)
    }

    deinit { stop() }

    private static func waitForListening(_ child: ChildProcess, port: UInt16, log: String) throws -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let status = child.poll() {
                let text = Files.read(log) ?? ""
                if text.contains("Address already in use") { return false }
                throw HarnessError("sshd exited with \(status): \(text)")
            }
            if LocalPorts.accepts(port: port) { return true }
            usleep(20_000)
        }
        child.stop()
        throw HarnessError("sshd did not listen on \(port) within 15 s: \(Files.read(log) ?? "")")
    }
}

/// `ssh-keygen` for tests: ed25519 key pairs without a passphrase.
public enum SSHKeys {
    /// Writes `path` and `path.pub`.
    public static func generate(at path: String, comment: String, sandbox: Sandbox) throws {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".pub")
        let r = ProcessRunner.run(
            executable: ProcessRunner.which("ssh-keygen") ?? "/usr/bin/ssh-keygen",
            arguments: ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path],
            directory: (path as NSString).deletingLastPathComponent, environment: sandbox.variables(), timeout: 30)
        guard r.status == 0 else { throw HarnessError("ssh-keygen failed:\n\(r)") }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// `type base64` of `path.pub`, without the comment.
    public static func publicKey(of path: String) throws -> String {
        guard let text = Files.read(path + ".pub") else { throw HarnessError("no \(path).pub") }
        return text.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// A client identity in `home/.ssh/id_ed25519`; returns the public key line.
    public static func clientKey(home: String, sandbox: Sandbox) throws -> String {
        let ssh = (home as NSString).appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: ssh)
        let key = (ssh as NSString).appendingPathComponent("id_ed25519")
        try generate(at: key, comment: "baton-test-client", sandbox: sandbox)
        return try publicKey(of: key)
    }
}
