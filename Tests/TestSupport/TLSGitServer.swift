import Foundation

/// Smart HTTP over TLS for the bare repositories under `projectRoot`: nginx (in the foreground, every path of
/// its own in `folder`) with fcgiwrap on a unix socket running `git http-backend`, on 127.0.0.1, basic auth for
/// one user and token (an htpasswd file), the server certificate of a `TestCertificateAuthority`. A second,
/// plain-HTTP listener answers every request with a 301 to the same path on the HTTPS one.
/// The access log (`accessLogPath`) has one line per request: scheme, method, target, status and user, never
/// the Authorization header.
public final class TLSGitServer: @unchecked Sendable {
    public let projectRoot: String
    public let user: String
    public let token: String
    public let authority: TestCertificateAuthority
    public let folder: String
    public let accessLogPath: String
    public let errorLogPath: String
    public let fcgiLogPath: String
    /// The HTTPS port.
    public private(set) var port: UInt16 = 0
    /// The plain-HTTP port that redirects to `port`.
    public private(set) var redirectPort: UInt16 = 0
    private let environment: [String: String]
    private let lock = NSLock()
    private var nginx: ChildProcess?
    private var fcgiwrap: ChildProcess?

    /// Writes the configuration into `folder` (created if needed) and starts fcgiwrap and nginx; returns once both
    /// ports accept connections, or throws with the logs.
    public init(
        projectRoot: String, user: String, token: String, authority: TestCertificateAuthority, folder: String,
        sandbox: Sandbox
    ) throws {
        self.projectRoot = projectRoot
        self.user = user
        self.token = token
        self.authority = authority
        self.folder = folder
        try FileManager.default.createDirectory(atPath: "\(folder)/temp", withIntermediateDirectories: true)
        accessLogPath = "\(folder)/access.log"
        errorLogPath = "\(folder)/error.log"
        fcgiLogPath = "\(folder)/fcgiwrap.log"
        environment = sandbox.variables()
        guard let nginxPath = Self.find("nginx"), let fcgiwrapPath = Self.find("fcgiwrap") else {
            throw HarnessError("nginx or fcgiwrap is missing; run BATON_TEST_DEPS=1 scripts/install-deps.sh")
        }
        let hash = try TestCertificateAuthority.openssl(["passwd", "-apr1", token], in: folder).out
        try Files.write("\(user):\(hash)\n", to: "\(folder)/htpasswd")

        let socket = "\(folder)/fcgiwrap.sock"
        try? FileManager.default.removeItem(atPath: socket)
        let fcgi = try ChildProcess.spawn(
            executable: fcgiwrapPath, arguments: ["-s", "unix:\(socket)"],
            directory: folder, environment: environment, stdinPath: nil,
            stdoutPath: fcgiLogPath, stderrPath: fcgiLogPath, append: true)
        lock.withLock { fcgiwrap = fcgi }
        let fcgiDeadline = Date().addingTimeInterval(10)
        while !Files.exists(socket) && Date() < fcgiDeadline && fcgi.isRunning { usleep(20_000) }
        guard Files.exists(socket) else {
            stop()
            throw HarnessError("fcgiwrap made no socket at \(socket) within 10 s: \(Files.read(fcgiLogPath) ?? "")")
        }

        var lastError: Error = HarnessError("nginx never started")
        for _ in 0..<8 {
            let https = try LocalPorts.freePort()
            let http = try LocalPorts.freePort()
            guard https != http else { continue }
            do {
                try launch(nginx: nginxPath, httpsPort: https, httpPort: http, socket: socket)
                return
            } catch {
                lastError = error
            }
        }
        stop()
        throw lastError
    }

    /// `https://[user[:password]@]127.0.0.1:PORT/name.git`.
    public func url(for repoName: String, user: String? = nil, password: String? = nil, host: String = "127.0.0.1")
        -> String
    {
        "https://\(Self.auth(user, password))\(host):\(port)/\(Self.repoPath(repoName))"
    }

    /// `http://[user[:password]@]127.0.0.1:REDIRECT_PORT/name.git`: every request gets a 301 to `url(for:)`.
    public func redirectURL(
        for repoName: String, user: String? = nil, password: String? = nil, host: String = "127.0.0.1"
    ) -> String {
        "http://\(Self.auth(user, password))\(host):\(redirectPort)/\(Self.repoPath(repoName))"
    }

    /// The access log's lines.
    public var accessLog: [String] {
        (Files.read(accessLogPath) ?? "").split(separator: "\n").map(String.init)
    }

    /// Every log the server wrote, for failure messages.
    public var logs: String {
        ["access.log": accessLogPath, "error.log": errorLogPath, "fcgiwrap.log": fcgiLogPath]
            .map { "--- \($0.key) ---\n\(Files.read($0.value) ?? "")" }.sorted().joined(separator: "\n")
    }

    /// Stops nginx and fcgiwrap and waits for them; idempotent.
    public func stop() {
        let (web, fcgi): (ChildProcess?, ChildProcess?) = lock.withLock {
            defer {
                nginx = nil
                fcgiwrap = nil
            }
            return (nginx, fcgiwrap)
        }
        web?.stop(grace: 5)
        fcgi?.stop(grace: 5)
    }

    deinit { stop() }

    private func launch(nginx nginxPath: String, httpsPort: UInt16, httpPort: UInt16, socket: String) throws {
        let conf = "\(folder)/nginx.conf"
        try Files.write(configuration(httpsPort: httpsPort, httpPort: httpPort, socket: socket), to: conf)
        let p = try ChildProcess.spawn(
            executable: nginxPath, arguments: ["-p", folder, "-c", conf, "-e", errorLogPath],
            directory: folder, environment: environment, stdinPath: nil,
            stdoutPath: errorLogPath, stderrPath: errorLogPath, append: true)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let status = p.poll() {
                throw HarnessError("nginx exited with \(status) on ports \(httpsPort), \(httpPort):\n\(logs)")
            }
            if LocalPorts.accepts(port: httpsPort) && LocalPorts.accepts(port: httpPort) {
                usleep(50_000)
                if let status = p.poll() {
                    throw HarnessError("nginx exited with \(status) on ports \(httpsPort), \(httpPort):\n\(logs)")
                }
                lock.withLock {
                    nginx = p
                    port = httpsPort
                    redirectPort = httpPort
                }
                return
            }
            usleep(20_000)
        }
        p.stop()
        throw HarnessError("nginx did not listen on \(httpsPort) and \(httpPort) within 15 s:\n\(logs)")
    }

    private func configuration(httpsPort: UInt16, httpPort: UInt16, socket: String) -> String {
        let backend = "\(GitDaemon.executable.dropLast("git-daemon".count))git-http-backend"
        let runAsRoot = getuid() == 0 ? "user root;" : ""
        return """
            daemon off;
            master_process on;
            worker_processes 1;
            \(runAsRoot)
            pid \(folder)/nginx.pid;
            error_log \(errorLogPath) info;
            events { worker_connections 128; }
            http {
                log_format git '$scheme $request_method $request_uri $status user=$remote_user';
                access_log \(accessLogPath) git;
                client_body_temp_path \(folder)/temp/body;
                proxy_temp_path \(folder)/temp/proxy;
                fastcgi_temp_path \(folder)/temp/fastcgi;
                uwsgi_temp_path \(folder)/temp/uwsgi;
                scgi_temp_path \(folder)/temp/scgi;
                client_max_body_size 0;
                server {
                    listen 127.0.0.1:\(httpsPort) ssl;
                    server_name 127.0.0.1 localhost;
                    ssl_certificate \(authority.serverCertificate);
                    ssl_certificate_key \(authority.serverKey);
                    location / {
                        auth_basic "git";
                        auth_basic_user_file \(folder)/htpasswd;
                        fastcgi_pass unix:\(socket);
                        fastcgi_read_timeout 300s;
                        fastcgi_param SCRIPT_FILENAME \(backend);
                        fastcgi_param GIT_PROJECT_ROOT \(projectRoot);
                        fastcgi_param GIT_HTTP_EXPORT_ALL 1;
                        fastcgi_param PATH_INFO $uri;
                        fastcgi_param QUERY_STRING $query_string;
                        fastcgi_param REQUEST_METHOD $request_method;
                        fastcgi_param CONTENT_TYPE $content_type;
                        fastcgi_param CONTENT_LENGTH $content_length;
                        fastcgi_param REMOTE_USER $remote_user;
                        fastcgi_param REMOTE_ADDR $remote_addr;
                        fastcgi_param GATEWAY_INTERFACE CGI/1.1;
                        fastcgi_param SERVER_PROTOCOL $server_protocol;
                        fastcgi_param GIT_PROTOCOL $http_git_protocol;
                        fastcgi_param HTTP_CONTENT_ENCODING $http_content_encoding;
                    }
                }
                server {
                    listen 127.0.0.1:\(httpPort);
                    server_name 127.0.0.1 localhost;
                    location / {
                        return 301 https://$host:\(httpsPort)$request_uri;
                    }
                }
            }

            """
    }

    private static func auth(_ user: String?, _ password: String?) -> String {
        user.map { u in password.map { "\(u):\($0)@" } ?? "\(u)@" } ?? ""
    }

    private static func repoPath(_ repoName: String) -> String {
        repoName.hasSuffix(".git") ? repoName : "\(repoName).git"
    }

    private static func find(_ name: String) -> String? {
        ProcessRunner.which(name, path: "/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin")
    }
}
