import Basics
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
/// Where libgit2 is a shared library, this works because an executable's symbols come before a
/// shared library's; where `make release` linked libgit2 and mbedTLS in (`BATON_STATIC_LIBGIT2`), the
/// linker's `--wrap=mbedtls_x509_crt_parse_file` sends libgit2's call here. Where libgit2 uses another
/// TLS library (OpenSSL, macOS), the function below is never called and nothing changes.
enum DeferredCertificates {
    private static let loading = NSLock()
    private static let state = Locked(State())

    private struct State {
        var deferring = false
        var pendingFile: String?
        var deferredOnce = false
        var noted: String?
    }

    /// The system's CA bundle as libgit2's initialization named it, once it did.
    static var systemFile: String? { state.withLock { $0.noted } }

    /// True when libgit2's initialization asked for a certificate file and it was deferred.
    static var wasDeferred: Bool { state.withLock { $0.deferredOnce } }

    /// Runs libgit2's initialization with certificate parsing deferred.
    static func whileInitializing(_ body: () -> Void) {
        state.withLock { $0.deferring = true }
        body()
        state.withLock { $0.deferring = false }
    }

    /// True when a certificate file still waits to be loaded.
    static var isPending: Bool { state.withLock { $0.pendingFile != nil } }

    /// Loads the deferred certificate file; the status libgit2 returned (0: loaded, or nothing to do).
    /// After a failure the file stays pending, so a later transfer tries again.
    @discardableResult
    static func load() -> Int32 {
        // One load at a time (not under `state`'s lock: the parse below takes it).
        loading.withLock {
            guard let file = state.withLock({ $0.pendingFile }) else { return 0 }
            let status = baton_git_set_ssl_cert_file(file)
            if status == 0 { state.withLock { $0.pendingFile = nil } }
            return status
        }
    }

    /// Forgets the deferred file: other certificates are loaded instead.
    static func discard() {
        state.withLock { $0.pendingFile = nil }
    }

    /// Called for `mbedtls_x509_crt_parse_file`: notes the file while deferring, else parses it.
    fileprivate static func parseFile(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
        let deferred: Bool = state.withLock { state in
            guard state.deferring, let path else { return false }
            state.pendingFile = String(cString: path)
            state.noted = state.pendingFile
            state.deferredOnce = true
            return true
        }
        if deferred { return 0 }
        return realParseFile(chain, path)
    }
}

#if BATON_STATIC_LIBGIT2
    // libgit2 and mbedTLS are linked into the executable (scripts/build-release.sh) with
    // `--wrap=mbedtls_x509_crt_parse_file`: libgit2's call comes here, and `__real_` is mbedTLS's own.

    /// mbedTLS's `int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path)` as libgit2
    /// calls it, taken over while libgit2 initializes (see `DeferredCertificates`).
    @_cdecl("__wrap_mbedtls_x509_crt_parse_file")
    public func batonDeferredCertificateParse(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
        DeferredCertificates.parseFile(chain, path)
    }

    private func realParseFile(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
        baton_real_mbedtls_x509_crt_parse_file(chain.map { UnsafeMutableRawPointer($0) }, path)
    }
#else
    /// mbedTLS's `int mbedtls_x509_crt_parse_file(mbedtls_x509_crt *chain, const char *path)`, taken
    /// over while libgit2 initializes (see `DeferredCertificates`).
    @_cdecl("mbedtls_x509_crt_parse_file")
    public func batonDeferredCertificateParse(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
        DeferredCertificates.parseFile(chain, path)
    }

    private func realParseFile(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
        typealias Parse = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
        // RTLD_NEXT: the definition after this executable's, i.e. mbedTLS's own.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "mbedtls_x509_crt_parse_file") else {
            return -1
        }
        return unsafeBitCast(symbol, to: Parse.self)(chain, path)
    }
#endif
