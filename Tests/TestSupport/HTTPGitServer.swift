import Foundation

/// Smart HTTP for the bare repositories under `projectRoot`: a small Python web server on 127.0.0.1 (a port
/// the kernel picks) that requires basic auth with one user and token and runs `git http-backend` as CGI.
/// Request bodies sent with `Transfer-Encoding: chunked` (libgit2's pushes) are decoded first.
/// The log lists method, path, status and user, never the Authorization header.
public final class HTTPGitServer: @unchecked Sendable {
    public let projectRoot: String
    public let user: String
    public let token: String
    public let logPath: String
    public let port: UInt16
    private let child: ChildProcess

    /// Writes the script into `folder` and starts it; throws when it does not listen within 15 s.
    public init(projectRoot: String, user: String, token: String, folder: String, sandbox: Sandbox) throws {
        self.projectRoot = projectRoot
        self.user = user
        self.token = token
        let script = (folder as NSString).appendingPathComponent("git-http-server.py")
        let portFile = (folder as NSString).appendingPathComponent("git-http-server.port")
        logPath = (folder as NSString).appendingPathComponent("git-http-server.log")
        try Files.write(Self.script, to: script)
        try? FileManager.default.removeItem(atPath: portFile)
        guard
            let python = ProcessRunner.which("python3", path: "/usr/bin:/bin:/usr/local/bin")
                ?? ProcessRunner.which("python3")
        else { throw HarnessError("python3 is missing; run scripts/install-deps.sh") }
        let backend = "\(GitDaemon.executable.dropLast("git-daemon".count))git-http-backend"
        child = try ChildProcess.spawn(
            executable: python, arguments: [script, projectRoot, portFile, backend],
            directory: folder,
            environment: sandbox.variables(["HTTP_TEST_USER": user, "HTTP_TEST_TOKEN": token]),
            stdinPath: nil, stdoutPath: logPath, stderrPath: logPath, append: true)
        port = try child.waitForPort(in: portFile, server: "HTTP git server", log: logPath)
    }

    /// `http://127.0.0.1:PORT/name.git`, with `user:password@` when given.
    public func url(for repoName: String, user: String? = nil, password: String? = nil) -> String {
        let name = repoName.hasSuffix(".git") ? repoName : "\(repoName).git"
        let auth = user.map { u in password.map { "\(u):\($0)@" } ?? "\(u)@" } ?? ""
        return "http://\(auth)127.0.0.1:\(port)/\(name)"
    }

    /// Terminates the server and waits for it; idempotent.
    public func stop() {
        child.stop(grace: 5)
    }

    deinit { stop() }

    static let script = #"""
        import base64, os, subprocess, sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        ROOT, PORT_FILE, BACKEND = sys.argv[1], sys.argv[2], sys.argv[3]
        USER, TOKEN = os.environ["HTTP_TEST_USER"], os.environ["HTTP_TEST_TOKEN"]
        EXPECTED = "Basic " + base64.b64encode(f"{USER}:{TOKEN}".encode()).decode()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, fmt, *args):
                pass

            def note(self, status, user):
                sys.stdout.write(f"{self.command} {self.path.split('?')[0]} {status} user={user}\n")
                sys.stdout.flush()

            def body(self):
                if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                    data = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return data
                        data += self.rfile.read(size)
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def handle_git(self):
                data = self.body() if self.command == "POST" else b""
                if self.headers.get("Authorization") != EXPECTED:
                    self.note(401, "-")
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="git"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path, _, query = self.path.partition("?")
                env = dict(os.environ)
                env.update({
                    "GIT_PROJECT_ROOT": ROOT, "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path,
                    "QUERY_STRING": query, "REQUEST_METHOD": self.command,
                    "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(data)),
                    "REMOTE_USER": USER, "REMOTE_ADDR": "127.0.0.1", "GATEWAY_INTERFACE": "CGI/1.1",
                    "SERVER_PROTOCOL": "HTTP/1.1",
                })
                if self.headers.get("Content-Encoding"):
                    env["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
                if self.headers.get("Git-Protocol"):
                    env["GIT_PROTOCOL"] = self.headers["Git-Protocol"]
                out = subprocess.run([BACKEND], input=data, env=env, capture_output=True).stdout
                head, _, payload = out.partition(b"\r\n\r\n")
                if not _:
                    head, _, payload = out.partition(b"\n\n")
                status, headers = 200, []
                for line in head.decode("latin-1").splitlines():
                    key, _, value = line.partition(":")
                    if key.lower() == "status":
                        status = int(value.strip().split()[0])
                    elif key:
                        headers.append((key, value.strip()))
                self.note(status, USER)
                self.send_response(status)
                for key, value in headers:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = handle_git
            do_POST = handle_git

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        with open(PORT_FILE + ".tmp", "w") as f:
            f.write(f"{server.server_address[1]}\n")
        os.rename(PORT_FILE + ".tmp", PORT_FILE)
        server.serve_forever()
        """#
}
