import Foundation

/// A throwaway certificate authority made with `openssl` in a test's folder: the CA (key and certificate),
/// a server certificate for 127.0.0.1 and localhost signed by it, the CA as a `-CApath`-style folder
/// (hashed names, for `http.sslCAPath`), and a second CA that signed nothing here (for tests that must be
/// refused). Nothing is added to the machine's trust store.
public struct TestCertificateAuthority: Sendable {
    /// The folder holding every file.
    public let folder: String
    /// PEM certificate of the CA that signed the server certificate (`http.sslCAInfo`).
    public let caCertificate: String
    public let caKey: String
    /// A folder holding the CA under its hashed name (`http.sslCAPath`).
    public let caPath: String
    /// PEM certificate and key of the server (subjectAltName IP:127.0.0.1, DNS:localhost).
    public let serverCertificate: String
    public let serverKey: String
    /// PEM certificate of a CA that did not sign the server certificate.
    public let untrustedCACertificate: String
    /// A `-CApath`-style folder holding only the untrusted CA.
    public let untrustedCAPath: String

    /// Makes everything under `folder` (created if needed); throws with openssl's output when a step fails.
    public init(folder: String, commonName: String = "baton test CA") throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.folder = folder
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        caCertificate = file("ca.pem")
        caKey = file("ca.key")
        caPath = file("ca-path")
        serverCertificate = file("server.pem")
        serverKey = file("server.key")
        untrustedCACertificate = file("untrusted-ca.pem")
        untrustedCAPath = file("untrusted-ca-path")
        let caExtensions = file("ca.ext")
        let serverExtensions = file("server.ext")
        try Files.write(
            """
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash

            """, to: caExtensions)
        try Files.write(
            """
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = IP:127.0.0.1, DNS:localhost
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid

            """, to: serverExtensions)

        try Self.makeCA(
            key: caKey, certificate: caCertificate, name: commonName, folder: folder,
            extensions: caExtensions)
        try Self.openssl(
            [
                "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", serverKey,
                "-out", file("server.csr"), "-subj", "/CN=127.0.0.1",
            ], in: folder)
        try Self.openssl(
            [
                "x509", "-req", "-in", file("server.csr"), "-CA", caCertificate, "-CAkey", caKey,
                "-CAcreateserial", "-out", serverCertificate, "-days", "3650", "-sha256",
                "-extfile", serverExtensions,
            ], in: folder)
        try Self.makeCA(
            key: file("untrusted-ca.key"), certificate: untrustedCACertificate,
            name: "\(commonName) (untrusted)", folder: folder, extensions: caExtensions)
        try Self.hashedFolder(caPath, holding: caCertificate, in: folder)
        try Self.hashedFolder(untrustedCAPath, holding: untrustedCACertificate, in: folder)
    }

    private static func makeCA(
        key: String, certificate: String, name: String, folder: String,
        extensions: String
    ) throws {
        let request = "\(key).csr"
        try openssl(
            [
                "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request,
                "-subj", "/CN=\(name)",
            ], in: folder)
        try openssl(
            [
                "x509", "-req", "-in", request, "-signkey", key, "-out", certificate, "-days", "3650",
                "-sha256", "-extfile", extensions,
            ], in: folder)
    }

    /// Copies `certificate` into `path` and names it by its subject hash (`openssl rehash`).
    private static func hashedFolder(_ path: String, holding certificate: String, in folder: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let copy = (path as NSString).appendingPathComponent((certificate as NSString).lastPathComponent)
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: certificate, toPath: copy)
        try openssl(["rehash", path], in: folder)
        let hashed = Files.contents(ofFolder: path).filter { $0.hasSuffix(".0") }
        guard !hashed.isEmpty else { throw HarnessError("openssl rehash made no hashed name in \(path)") }
    }

    /// Runs `openssl args`; throws with its output unless it exits 0.
    @discardableResult
    public static func openssl(_ args: [String], in folder: String) throws -> CommandResult {
        guard let executable = ProcessRunner.which("openssl") ?? ProcessRunner.which("openssl", path: "/usr/bin:/bin")
        else { throw HarnessError("openssl is missing; run BATON_TEST_DEPS=1 scripts/install-deps.sh") }
        let r = ProcessRunner.run(
            executable: executable, arguments: args, directory: folder,
            environment: ["PATH": "/usr/bin:/bin", "HOME": folder, "RANDFILE": "\(folder)/.rnd"],
            timeout: 60)
        guard r.status == 0 else { throw HarnessError("openssl failed:\n\(r)") }
        return r
    }
}
