import CGit2
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libgit2 built with mbedTLS (Debian's) parses the system's whole CA bundle inside
/// `git_libgit2_init`: about 9 ms of CPU on every baton run, though only HTTPS remotes need it.
/// While libgit2 initializes, baton answers mbedTLS's "parse this certificate file" itself, noting
/// the file instead; the first HTTPS transfer then has libgit2 load it for real
/// (`GIT_OPT_SET_SSL_CERT_LOCATIONS`, the documented way to set certificates).
///
/// This works because an executable's symbols come before a shared library's; where libgit2 uses
/// another TLS library (OpenSSL, macOS), the function below is never called and nothing changes.
enum DeferredCertificates {
    private static let lock = NSLock()
    private static let loading = NSLock()
    nonisolated(unsafe) private static var deferring = false
    nonisolated(unsafe) private static var pendingFile: String?
    nonisolated(unsafe) private static var deferredOnce = false
    nonisolated(unsafe) private static var noted: String?

    /// The system's CA bundle as libgit2's initialization named it, once it did.
    static var systemFile: String? { lock.withLock { noted } }

    /// True when libgit2's initialization asked for a certificate file and it was deferred.
    static var wasDeferred: Bool { lock.withLock { deferredOnce } }

    /// Runs libgit2's initialization with certificate parsing deferred.
    static func whileInitializing(_ body: () -> Void) {
        lock.withLock { deferring = true }
        body()
        lock.withLock { deferring = false }
    }

    /// True when a certificate file still waits to be loaded.
    static var isPending: Bool { lock.withLock { pendingFile != nil } }

    /// Loads the deferred certificate file; the status libgit2 returned (0: loaded, or nothing to do).
    /// After a failure the file stays pending, so a later transfer tries again.
    @discardableResult
    static func load() -> Int32 {
        // One load at a time (not under `lock`: the parse below takes it).
        loading.withLock {
            guard let file = lock.withLock({ pendingFile }) else { return 0 }
            let status = baton_git_set_ssl_cert_file(file)
            if status == 0 { lock.withLock { pendingFile = nil } }
            return status
        }
    }

    /// Forgets the deferred file: other certificates are loaded instead.
    static func discard() {
        lock.withLock { pendingFile = nil }
    }

    /// Called for `mbedtls_x509_crt_parse_file`: notes the file while deferring, else parses it.
    fileprivate static func parseFile(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
        let deferred: Bool = lock.withLock {
            guard deferring, let path else { return false }
            pendingFile = String(cString: path)
            noted = pendingFile
            deferredOnce = true
            return true
        }
        if deferred { return 0 }
        typealias Parse = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
        // RTLD_NEXT: the definition after this executable's, i.e. mbedTLS's own.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "mbedtls_x509_crt_parse_file") else { return -1 }
        return unsafeBitCast(symbol, to: Parse.self)(chain, path)
    }
}

/// mbedTLS's `int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path)`, taken
/// over while libgit2 initializes (see `DeferredCertificates`).
@_cdecl("mbedtls_x509_crt_parse_file")
public func batonDeferredCertificateParse(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    DeferredCertificates.parseFile(chain, path)
}
