import Crypto

/// SHA-1 as git uses it (the index file's trailing checksum) and HMAC-SHA1 (hashed `known_hosts`
/// entries, `|1|salt|hash`), from swift-crypto. Not for anything that needs collision resistance.
package enum SHA1 {
    /// The 20-byte digest of `bytes`.
    package static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Array(Insecure.SHA1.hash(data: bytes))
    }

    /// The 20-byte digest of `message`.
    package static func digest(_ message: [UInt8]) -> [UInt8] {
        Array(Insecure.SHA1.hash(data: message))
    }

    /// HMAC-SHA1 (RFC 2104) of `message` under `key`.
    package static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
