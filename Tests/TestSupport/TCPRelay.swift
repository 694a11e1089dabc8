import Foundation

/// A TCP relay on 127.0.0.1 (a port the kernel picks) in front of `upstreamPort` that misbehaves on purpose:
/// with `cutAfter`, it resets a connection (RST, not FIN) once the client has sent more than that many bytes on
/// it (a server that hangs up in the middle of a large push, while the client is still writing); with
/// `trickle`, it passes the server's bytes on a few at a time with a pause between (a slow link that never
/// stops). The log has one line per connection cut.
public final class TCPRelay: @unchecked Sendable {
    public let port: UInt16
    public let logPath: String
    private let child: ChildProcess

    public init(
        upstreamPort: UInt16, cutAfter: Int? = nil, trickle: (bytes: Int, pause: TimeInterval)? = nil,
        folder: String, sandbox: Sandbox
    ) throws {
        let name = "relay-\(UUID().uuidString.prefix(8))"
        let script = "\(folder)/\(name).py"
        let portFile = "\(folder)/\(name).port"
        logPath = "\(folder)/\(name).log"
        try Files.write(Self.script, to: script)
        try? FileManager.default.removeItem(atPath: portFile)
        guard
            let python = ProcessRunner.which("python3", path: "/usr/bin:/bin:/usr/local/bin")
                ?? ProcessRunner.which("python3")
        else { throw HarnessError("python3 is missing; run scripts/install-deps.sh") }
        let arguments = [
            script, portFile, "\(upstreamPort)", "\(cutAfter ?? -1)", "\(trickle?.bytes ?? 0)",
            "\(trickle?.pause ?? 0)",
        ]
        child = try ChildProcess.spawn(
            executable: python, arguments: arguments,
            directory: folder, environment: sandbox.variables(), stdinPath: nil,
            stdoutPath: logPath, stderrPath: logPath, append: true)
        port = try child.waitForPort(in: portFile, server: "relay", log: logPath, mustAccept: false)
    }

    /// How many connections were reset.
    public var cuts: Int { (Files.read(logPath) ?? "").components(separatedBy: "cut after").count - 1 }

    /// Terminates the relay; idempotent.
    public func stop() { child.stop(grace: 5) }

    deinit { stop() }

    static let script = #"""
        import os, select, socket, struct, sys, threading, time

        PORT_FILE, UPSTREAM, LIMIT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        TRICKLE, PAUSE = int(sys.argv[4]), float(sys.argv[5])

        def relay(client):
            upstream = socket.create_connection(("127.0.0.1", UPSTREAM))
            sent = 0
            try:
                while True:
                    ready, _, _ = select.select([client, upstream], [], [], 120)
                    if not ready:
                        return
                    if client in ready:
                        data = client.recv(65536)
                        if not data:
                            return
                        sent += len(data)
                        if LIMIT >= 0 and sent > LIMIT:
                            print(f"cut after {sent} bytes", flush=True)
                            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                            return
                        upstream.sendall(data)
                    if upstream in ready:
                        data = upstream.recv(TRICKLE or 65536)
                        if not data:
                            return
                        client.sendall(data)
                        if TRICKLE:
                            time.sleep(PAUSE)
            except OSError:
                return
            finally:
                client.close()
                upstream.close()

        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        with open(PORT_FILE + ".tmp", "w") as f:
            f.write(f"{server.getsockname()[1]}\n")
        os.rename(PORT_FILE + ".tmp", PORT_FILE)
        while True:
            conn, _ = server.accept()
            threading.Thread(target=relay, args=(conn,), daemon=True).start()
        """#
}
