import Testing

@testable import GitKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct DeferredCertificatesTests {
    /// With libgit2 on mbedTLS (Debian's), initialization notes the CA bundle instead of parsing it,
    /// and the first HTTPS transfer has libgit2 load it for real, successfully.
    @Test func caBundleIsParsedOnlyForHTTPS() throws {
        GitLibrary.initialize()
        let usesMbedTLS = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mbedtls_ssl_init") != nil
        guard usesMbedTLS else { return }
        #expect(DeferredCertificates.wasDeferred, "git_libgit2_init did not go through the deferral")
        try GitLibrary.prepareCertificates(forURL: "file:///tmp/x.git")
        try GitLibrary.prepareCertificates(forURL: "ssh://example.invalid/x.git")
        try GitLibrary.prepareCertificates(forURL: "HTTPS://example.invalid/x.git")
        #expect(!DeferredCertificates.isPending)
        // Loading again is a no-op.
        #expect(DeferredCertificates.load() == 0)
    }
}
