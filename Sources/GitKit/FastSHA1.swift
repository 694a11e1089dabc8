#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-1 of large buffers (the index file's trailing checksum), fast where the process can reach
/// OpenSSL's `SHA1` (libgit2 loads libcrypto through libssh2, and it uses the CPU's SHA instructions),
/// else the portable `SHA1.digest`. Not for anything that needs collision resistance.
enum FastSHA1 {
    private typealias Function = @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>?

    nonisolated(unsafe) private static let openSSL: Function? = {
        guard let process = dlopen(nil, RTLD_LAZY), let symbol = dlsym(process, "SHA1") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()

    /// The 20-byte digest of `bytes`.
    static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        if let openSSL {
            var out = [UInt8](repeating: 0, count: 20)
            out.withUnsafeMutableBufferPointer { buffer in
                _ = openSSL(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, buffer.baseAddress)
            }
            return out
        }
        return SHA1.digest(Array(bytes))
    }
}
