import Foundation

/// Client-side ssh pieces for tests: keys of any type, with or without a passphrase, an askpass script that
/// answers the passphrase and logs each question, and a throwaway ssh-agent.
public enum SSHClientKeys {
    /// Writes `path` (mode 600) and `path.pub`; returns the public key line (`type base64`).
    @discardableResult
    public static func generate(at path: String, type: String = "ed25519", passphrase: String = "", sandbox: Sandbox)
        throws
        -> String
    {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".pub")
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var arguments = ["-q", "-t", type, "-N", passphrase, "-C", "baton-test-\(type)", "-f", path]
        if type == "rsa" { arguments.insert(contentsOf: ["-b", "3072"], at: 0) }
        let r = ProcessRunner.run(
            executable: ProcessRunner.which("ssh-keygen") ?? "/usr/bin/ssh-keygen", arguments: arguments,
            directory: folder, environment: sandbox.variables(), timeout: 60)
        guard r.status == 0 else { throw HarnessError("ssh-keygen failed:\n\(r)") }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return try SSHKeys.publicKey(of: path)
    }

    /// An `SSH_ASKPASS` program that prints `answer` and appends each prompt to `log`.
    public static func askpass(at path: String, answer: String, log: String) throws {
        try Files.write(
            "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \(PrivateSSHHome.quoted(log))\n"
                + "printf '%s\\n' \(PrivateSSHHome.quoted(answer))\n",
            to: path, executable: true)
    }

    /// The environment that makes ssh and ssh-add ask `program` instead of a terminal.
    public static func askpassEnvironment(_ program: String) -> [String: String] {
        ["SSH_ASKPASS": program, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"]
    }
}

/// `ssh-agent -D -a SOCKET` for one test; `stop()` (also on release) kills it.
public final class SSHAgent: @unchecked Sendable {
    public let socket: String
    private let child: ChildProcess

    public init(folder: String, sandbox: Sandbox) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        socket = (folder as NSString).appendingPathComponent("agent.sock")
        let log = (folder as NSString).appendingPathComponent("agent.log")
        child = try ChildProcess.spawn(
            executable: ProcessRunner.which("ssh-agent") ?? "/usr/bin/ssh-agent", arguments: ["-D", "-a", socket],
            directory: folder, environment: sandbox.variables(), stdinPath: nil, stdoutPath: log, stderrPath: log,
            append: true)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket) {
            guard Date() < deadline else { throw HarnessError("ssh-agent did not create \(socket)") }
            usleep(20_000)
        }
    }

    /// `ssh-add key`, the passphrase answered by `askpass`.
    public func add(_ key: String, askpass: String, sandbox: Sandbox) throws {
        var env = SSHClientKeys.askpassEnvironment(askpass)
        env["SSH_AUTH_SOCK"] = socket
        let r = ProcessRunner.run(
            executable: ProcessRunner.which("ssh-add") ?? "/usr/bin/ssh-add", arguments: [key],
            directory: (key as NSString).deletingLastPathComponent, environment: sandbox.variables(env), timeout: 30)
        guard r.status == 0 else { throw HarnessError("ssh-add failed:\n\(r)") }
    }

    public func stop() { _ = child.stop(grace: 2) }

    deinit { stop() }
}
