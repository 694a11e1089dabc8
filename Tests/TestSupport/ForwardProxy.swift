import Foundation

/// An HTTP forward proxy on 127.0.0.1 (a port the kernel picks): `CONNECT host:port` tunnels (HTTPS through a
/// proxy), and absolute-form requests (`GET http://host:port/path`) are forwarded. Every request target is
/// logged, one line each (`CONNECT 127.0.0.1:4443`, `GET http://127.0.0.1:8080/x.git/info/refs?...`), so a test
/// can prove that the proxy was used, or was not. A small Python script; headers are never logged.
public final class ForwardProxy: @unchecked Sendable {
    public let logPath: String
    public let port: UInt16
    private let child: ChildProcess

    /// Writes the script into `folder` and starts it; throws when it does not listen within 15 s.
    public init(folder: String, sandbox: Sandbox) throws {
        let script = "\(folder)/forward-proxy.py"
        let portFile = "\(folder)/forward-proxy.port"
        logPath = "\(folder)/forward-proxy.log"
        let errorPath = "\(folder)/forward-proxy.err"
        try Files.write(Self.script, to: script)
        try? FileManager.default.removeItem(atPath: portFile)
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        guard
            let python = ProcessRunner.which("python3", path: "/usr/bin:/bin:/usr/local/bin")
                ?? ProcessRunner.which("python3")
        else { throw HarnessError("python3 is missing; run scripts/install-deps.sh") }
        child = try ChildProcess.spawn(
            executable: python, arguments: [script, portFile, logPath], directory: folder,
            environment: sandbox.variables(), stdinPath: nil,
            stdoutPath: errorPath, stderrPath: errorPath, append: true)
        port = try child.waitForPort(in: portFile, server: "forward proxy", log: errorPath)
    }

    /// `http://127.0.0.1:PORT` (for `http.proxy` or `HTTPS_PROXY`).
    public var url: String { "http://127.0.0.1:\(port)" }

    /// The logged request targets, in order, e.g. `CONNECT 127.0.0.1:4443`.
    public var requests: [String] {
        (Files.read(logPath) ?? "").split(separator: "\n").map(String.init)
    }

    /// The `CONNECT` targets (`host:port`), in order.
    public var connectTargets: [String] {
        requests.filter { $0.hasPrefix("CONNECT ") }.map { String($0.dropFirst("CONNECT ".count)) }
    }

    /// Terminates the proxy and waits for it; idempotent.
    public func stop() {
        child.stop(grace: 5)
    }

    deinit { stop() }

    static let script = #"""
        import os, select, socket, sys, threading

        PORT_FILE, LOG = sys.argv[1], sys.argv[2]
        log_lock = threading.Lock()

        def note(line):
            with log_lock:
                with open(LOG, "a") as f:
                    f.write(line + "\n")

        def read_head(conn):
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return None, b""
                data += chunk
                if len(data) > 1 << 20:
                    return None, b""
            head, _, rest = data.partition(b"\r\n\r\n")
            return head.decode("latin-1"), rest

        def pump(a, b):
            sockets = [a, b]
            try:
                while True:
                    ready, _, _ = select.select(sockets, [], [], 600)
                    if not ready:
                        return
                    for s in ready:
                        data = s.recv(65536)
                        if not data:
                            return
                        (b if s is a else a).sendall(data)
            except OSError:
                return

        def split_host(hostport, default):
            if hostport.startswith("["):
                host, _, rest = hostport[1:].partition("]")
                return host, int(rest[1:]) if rest.startswith(":") else default
            host, _, port = hostport.partition(":")
            return host, int(port) if port else default

        def handle(conn):
            upstream = None
            try:
                head, rest = read_head(conn)
                if head is None:
                    return
                lines = head.split("\r\n")
                method, target, version = lines[0].split(" ", 2)
                note(f"{method} {target}")
                if method == "CONNECT":
                    host, port = split_host(target, 443)
                    try:
                        upstream = socket.create_connection((host, port), timeout=30)
                    except OSError:
                        conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                        return
                    upstream.settimeout(None)
                    conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    if rest:
                        upstream.sendall(rest)
                    pump(conn, upstream)
                    return
                if not target.startswith("http://"):
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                    return
                hostport, _, path = target[len("http://"):].partition("/")
                host, port = split_host(hostport, 80)
                headers = [l for l in lines[1:] if l.split(":", 1)[0].strip().lower()
                           not in ("proxy-connection", "connection", "proxy-authorization", "keep-alive")]
                headers.append("Connection: close")
                request = f"{method} /{path} {version}\r\n" + "\r\n".join(headers) + "\r\n\r\n"
                try:
                    upstream = socket.create_connection((host, port), timeout=30)
                except OSError:
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                    return
                upstream.settimeout(None)
                upstream.sendall(request.encode("latin-1") + rest)
                pump(conn, upstream)
            except Exception as error:
                sys.stderr.write(f"proxy error: {error!r}\n")
            finally:
                for s in (conn, upstream):
                    if s is not None:
                        try:
                            s.close()
                        except OSError:
                            pass

        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        with open(PORT_FILE + ".tmp", "w") as f:
            f.write(f"{server.getsockname()[1]}\n")
        os.rename(PORT_FILE + ".tmp", PORT_FILE)
        while True:
            conn, _ = server.accept()
            threading.Thread(target=handle, args=(conn,), daemon=True).start()
        """#
}
