import Basics
import CGit2
import Foundation

/// Which CA certificates libgit2 trusts for the next HTTPS transfer: the ones git's settings name
/// (`http.sslCAInfo`, `http.sslCAPath`, `GIT_SSL_CAINFO`, `GIT_SSL_CAPATH`, as curl uses them for git:
/// a CA file replaces the system bundle, a CA folder adds to it), else the system bundle.
/// libgit2 holds one set for the whole process, so it is set before every transfer.
enum TLSTrust {
    /// The locations libgit2 holds now, when baton set other than the system bundle.
    private static let loaded = Locked<Locations?>(nil)

    private struct Locations: Equatable {
        var file: String?
        var path: String?
    }

    /// Loads what `settings` trusts for `url` (nothing for non-HTTP URLs).
    static func prepare(url: String?, settings: HTTPSettings) throws {
        guard let scheme = url?.lowercased(), scheme.hasPrefix("http") else { return }
        guard settings.caFile != nil || settings.caPath != nil else {
            try restoreSystemBundle(scheme: scheme)
            return
        }
        if let file = settings.caFile, !FileManager.default.isReadableFile(atPath: file) {
            throw GitError(
                operation: "load CA certificates", code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_SSL.rawValue),
                message: "the CA file \(file) (from \(settings.caFileSource ?? "http.sslCAInfo")) cannot be read; "
                    + "fix the setting or the file")
        }
        let wanted = Locations(
            file: settings.caFile ?? (settings.caPath != nil ? DeferredCertificates.systemFile : nil),
            path: settings.caPath)
        try loaded.withLock { loaded in
            guard loaded != wanted else { return }
            // The deferred system bundle is replaced, not loaded.
            DeferredCertificates.discard()
            try check(
                baton_git_set_ssl_cert_locations(wanted.file, wanted.path),
                "load the CA certificates git is set to trust")
            loaded = wanted
        }
    }

    private static func restoreSystemBundle(scheme: String) throws {
        let custom = loaded.current
        guard custom != nil else {
            try GitLibrary.prepareCertificates(forURL: scheme)
            return
        }
        guard let system = DeferredCertificates.systemFile else { return }
        try loaded.withLock { loaded in
            try check(baton_git_set_ssl_cert_locations(system, nil), "load the system's CA certificates")
            loaded = nil
        }
    }
}
